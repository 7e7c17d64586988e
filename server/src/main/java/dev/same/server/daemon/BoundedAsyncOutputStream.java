package dev.same.server.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Decouples writers from a slow reader: writes are queued and a thread drains them to the socket.
 * When more than {@code limitBytes} wait, the client is too slow to keep up; {@code onOverflow} runs (the
 * session closes it) instead of the daemon's threads blocking on it.
 */
final class BoundedAsyncOutputStream extends OutputStream {
    private static final byte[] FLUSH = new byte[0];
    private static final byte[] CLOSE = new byte[0];

    private final OutputStream out;
    private final long limitBytes;
    private final Runnable onOverflow;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final Thread drainer;
    private long pending;
    private volatile boolean failed;

    BoundedAsyncOutputStream(OutputStream out, long limitBytes, Runnable onOverflow) {
        this.out = out;
        this.limitBytes = limitBytes;
        this.onOverflow = onOverflow;
        // a platform thread: a virtual thread's blocked socket write would hold one of junixsocket's few pollers
        this.drainer = Thread.ofPlatform().daemon().name("same-session-writer").start(this::drain);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (failed) {
            throw new IOException("connection closed");
        }
        boolean overflow;
        synchronized (this) {
            pending += len;
            overflow = pending > limitBytes;
        }
        if (overflow) {
            failed = true;
            onOverflow.run();
            throw new IOException("client too slow: more than " + limitBytes + " bytes waiting");
        }
        byte[] copy = new byte[len];
        System.arraycopy(b, off, copy, 0, len);
        queue.add(copy);
    }

    @Override
    public void flush() {
        queue.add(FLUSH);
    }

    @Override
    public void close() {
        queue.add(CLOSE);
    }

    private void drain() {
        try {
            while (true) {
                byte[] chunk = queue.take();
                if (chunk == CLOSE) {
                    out.close();
                    return;
                }
                if (chunk == FLUSH) {
                    if (queue.isEmpty()) {
                        out.flush();
                    }
                    continue;
                }
                out.write(chunk);
                synchronized (this) {
                    pending -= chunk.length;
                }
            }
        } catch (IOException | InterruptedException e) {
            failed = true;
        }
    }
}
