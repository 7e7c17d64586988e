package dev.same.server.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The daemon's writer to one client: never blocks the daemon, gives up on a client that stops reading. */
@Timeout(60)
class DaemonBoundedOutputTest {

    @Test
    void everythingWrittenArrivesInOrderBeforeTheClose() throws Exception {
        ByteArrayOutputStream socket = new ByteArrayOutputStream();
        BoundedAsyncOutputStream out = new BoundedAsyncOutputStream(socket, 1 << 20, () -> { });
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 500; i++) {
            byte[] chunk = ("message " + i + "\n").getBytes();
            out.write(chunk, 0, chunk.length);
            out.flush();
            expected.write(chunk);
        }
        out.closeAndAwaitWritten(Duration.ofSeconds(30));
        assertArrayEquals(expected.toByteArray(), socket.toByteArray());
    }

    @Test
    void aClientThatStopsReadingIsCutOffInsteadOfBlockingTheDaemon() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        OutputStream stuck = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writing.countDown();
                try {
                    never.await(); // a full socket buffer: the client reads nothing
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        };
        AtomicInteger overflows = new AtomicInteger();
        BoundedAsyncOutputStream out = new BoundedAsyncOutputStream(stuck, 1000, overflows::incrementAndGet);

        out.write(new byte[600], 0, 600);
        writing.await(); // the writer thread is stuck on it
        out.write(new byte[400], 0, 400); // 1000 waiting: still within the limit
        assertEquals(0, overflows.get());

        IOException tooSlow = assertThrows(IOException.class, () -> out.write(new byte[1], 0, 1));
        assertTrue(tooSlow.getMessage().contains("too slow"), tooSlow.getMessage());
        assertEquals(1, overflows.get(), "the session is told to close the connection");
        assertThrows(IOException.class, () -> out.write(7), "and stays closed");
        assertEquals(1, overflows.get());
        never.countDown(); // let the writer thread go
    }
}
