package dev.same.server.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The daemon's writer to one client: answers and pushes never block, a task's output waits for room while the
 * client is behind, and a client that takes nothing for long is found stalled, in virtual time.
 */
@Timeout(60)
class DaemonBoundedOutputTest {
    private final MutableClock clock = new MutableClock();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch writing = new CountDownLatch(1);
    /** A full socket buffer: the client reads nothing until released. */
    private final OutputStream stuck = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }
    };

    @Test
    void everythingWrittenArrivesInOrderBeforeTheClose() throws Exception {
        ByteArrayOutputStream socket = new ByteArrayOutputStream();
        BoundedAsyncOutputStream out = new BoundedAsyncOutputStream(socket, 1 << 20, clock);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 500; i++) {
            byte[] chunk = ("message " + i + "\n").getBytes();
            out.awaitRoom();
            out.write(chunk, 0, chunk.length);
            out.flush();
            expected.write(chunk);
        }
        out.closeAndAwaitWritten(Duration.ofSeconds(30));
        assertArrayEquals(expected.toByteArray(), socket.toByteArray());
    }

    @Test
    void outputWaitsForRoomWhileTheClientIsBehindInsteadOfCuttingItOff() throws Exception {
        BoundedAsyncOutputStream out = new BoundedAsyncOutputStream(stuck, 1000, clock);
        out.write(new byte[600], 0, 600);
        writing.await(); // the writer thread is stuck on it
        out.write(new byte[400], 0, 400); // 1000 waiting: room for more still
        out.awaitRoom();
        out.write(new byte[1], 0, 1); // an answer or a push never waits, even past the room
        assertEquals(1001, out.pendingBytes());

        Thread task = Thread.ofVirtual().start(() -> {
            try {
                out.awaitRoom();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (!out.holdsUpOutput()) {
            Thread.onSpinWait();
        }
        assertTrue(task.isAlive());
        release.countDown(); // the client reads
        task.join();
        out.closeAndAwaitWritten(Duration.ofSeconds(30));
        assertEquals(0, out.pendingBytes());
        assertFalse(out.holdsUpOutput());
    }

    @Test
    void aClientIsStalledOnlyOnceBytesWaitedAMinuteWithoutItTakingAny() throws Exception {
        BoundedAsyncOutputStream out = new BoundedAsyncOutputStream(stuck, 1000, clock);
        clock.advance(Duration.ofHours(1));
        assertEquals(Duration.ZERO, out.stalledFor(), "an idle client is not stalled: nothing waits for it");

        out.write(new byte[10], 0, 10);
        writing.await();
        clock.advance(Daemon.STALLED_CLIENT.minusMillis(1));
        assertEquals(Daemon.STALLED_CLIENT.minusMillis(1), out.stalledFor());
        clock.advance(Duration.ofMillis(1));
        assertEquals(Daemon.STALLED_CLIENT, out.stalledFor());
        release.countDown();
        out.closeAndAwaitWritten(Duration.ofSeconds(30));
    }

    @Test
    void failingReleasesTheOutputWaitingAndRefusesWrites() throws Exception {
        BoundedAsyncOutputStream out = new BoundedAsyncOutputStream(stuck, 10, clock);
        out.write(new byte[100], 0, 100);
        CompletableFuture<Throwable> waited = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                out.awaitRoom();
                waited.complete(null);
            } catch (IOException | InterruptedException e) {
                waited.complete(e);
            }
        });
        while (!out.holdsUpOutput()) {
            Thread.onSpinWait();
        }
        out.fail(new IOException("disconnected: the client read nothing"));
        assertEquals("disconnected: the client read nothing", waited.get().getMessage());
        assertThrows(IOException.class, () -> out.write(7));
        assertEquals(Duration.ZERO, out.stalledFor(), "a closed connection is not reported again");
        release.countDown();
        out.closeAndAwaitWritten(Duration.ofSeconds(30));
    }
}
