package dev.same.protocol.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryPipeTest {
    @Test
    void bytesArriveInOrderThroughASmallBufferAndTheStreamEndsWhenTheSinkCloses() throws Exception {
        MemoryPipe pipe = new MemoryPipe(7);
        byte[] sent = new byte[10_000];
        new Random(20261203).nextBytes(sent);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream sink = pipe.sink()) {
                for (int offset = 0; offset < sent.length; offset += 13) {
                    sink.write(sent, offset, Math.min(13, sent.length - offset));
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, command -> Thread.ofVirtual().start(command));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (InputStream source = pipe.source()) {
            byte[] chunk = new byte[5];
            for (int read; (read = source.read(chunk)) != -1; ) {
                received.write(chunk, 0, read);
            }
            writer.get(10, TimeUnit.SECONDS);
            assertEquals(-1, source.read(), "still at its end");
        }
        assertArrayEquals(sent, received.toByteArray());
    }

    @Test
    void singleBytesAndAvailable() throws IOException {
        MemoryPipe pipe = new MemoryPipe();
        pipe.sink().write(0xfe);
        pipe.sink().write(1);
        assertEquals(2, pipe.source().available());
        assertEquals(0xfe, pipe.source().read());
        assertEquals(1, pipe.source().read());
        pipe.sink().close();
        assertEquals(-1, pipe.source().read());
    }

    @Test
    void aWriterWaitingOnAFullBufferFailsWhenTheReaderCloses() throws Exception {
        MemoryPipe pipe = new MemoryPipe(4);
        CompletableFuture<Throwable> writer = outcomeOf(() -> pipe.sink().write(new byte[100]));
        byte[] first = new byte[4];
        assertEquals(4, pipe.source().read(first), "the writer filled the buffer");
        pipe.source().close();
        assertEquals("Stream closed", writer.get(10, TimeUnit.SECONDS).getMessage());
        assertThrows(IOException.class, () -> pipe.sink().write(1));
    }

    @Test
    void aReaderWaitingOnAnEmptyPipeLearnsOfItsOwnClose() throws Exception {
        MemoryPipe pipe = new MemoryPipe();
        CompletableFuture<Throwable> reader = outcomeOf(() -> pipe.source().read());
        pipe.source().close();
        assertEquals("Stream closed", reader.get(10, TimeUnit.SECONDS).getMessage(),
                "as a closed channel's reader does: lsp4j ends its read loop quietly on it");
    }

    @Test
    void anInterruptedReaderStopsWaiting() throws Exception {
        MemoryPipe pipe = new MemoryPipe();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> outcome.complete(failureOf(() -> pipe.source().read())));
        reader.interrupt();
        assertEquals(InterruptedIOException.class, outcome.get(10, TimeUnit.SECONDS).getClass());
    }

    private interface Io {
        void run() throws IOException;
    }

    private static CompletableFuture<Throwable> outcomeOf(Io io) {
        return CompletableFuture.supplyAsync(() -> failureOf(io), command -> Thread.ofVirtual().start(command));
    }

    private static Throwable failureOf(Io io) {
        try {
            io.run();
            return new AssertionError("no failure");
        } catch (IOException e) {
            return e;
        }
    }
}
