package dev.same.server.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The daemon's writer to one client: writes are queued and a platform thread drains them to the socket, so
 * answers and pushes never block on a slow client. A task's output is the one thing that can outrun a client;
 * it waits for room first ({@link #awaitRoom}), which slows the task down to the client's pace, as a terminal
 * would. A client that takes nothing for long while bytes wait for it is stalled ({@link #stalledFor}).
 */
final class BoundedAsyncOutputStream extends OutputStream {
    private static final byte[] FLUSH = new byte[0];
    private static final byte[] CLOSE = new byte[0];

    private final OutputStream out;
    private final long roomBytes;
    private final InstantSource clock;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final Thread drainer;
    private long pending; // guarded by this
    private Instant lastProgress; // guarded by this: when the client last took bytes, or bytes began to wait
    private int waiting; // guarded by this: callers of awaitRoom
    private IOException failure; // guarded by this

    /** @param roomBytes how many bytes may wait for the client before {@link #awaitRoom} blocks */
    BoundedAsyncOutputStream(OutputStream out, long roomBytes, InstantSource clock) {
        this.out = out;
        this.roomBytes = roomBytes;
        this.clock = clock;
        this.lastProgress = clock.instant();
        // a platform thread: a socket write blocked on a slow client must not hold a virtual-thread carrier
        this.drainer = Thread.ofPlatform().daemon().name("same-session-writer").start(this::drain);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        synchronized (this) {
            if (failure != null) {
                throw new IOException(failure.getMessage(), failure);
            }
            if (pending == 0) {
                lastProgress = clock.instant();
            }
            pending += len;
        }
        byte[] copy = new byte[len];
        System.arraycopy(b, off, copy, 0, len);
        queue.add(copy);
    }

    /** Blocks while more than the room waits for the client; fails once the connection has ended. */
    synchronized void awaitRoom() throws IOException, InterruptedException {
        waiting++;
        try {
            while (failure == null && pending > roomBytes) {
                wait();
            }
        } finally {
            waiting--;
        }
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
    }

    /** How long bytes have waited without the client taking any; zero while nothing waits or once closed. */
    synchronized Duration stalledFor() {
        return pending == 0 || failure != null ? Duration.ZERO : Duration.between(lastProgress, clock.instant());
    }

    synchronized long pendingBytes() {
        return pending;
    }

    /** Whether some output is held up because the client does not read fast enough. */
    synchronized boolean holdsUpOutput() {
        return waiting > 0;
    }

    /** The connection is over: every write, and every wait for room, fails with {@code why} from now on. */
    synchronized void fail(IOException why) {
        if (failure == null) {
            failure = why;
        }
        notifyAll();
    }

    @Override
    public void flush() {
        queue.add(FLUSH);
    }

    @Override
    public void close() {
        queue.add(CLOSE);
    }

    /** Closes after everything queued so far has been written, waiting at most {@code timeout} for that. */
    void closeAndAwaitWritten(Duration timeout) throws InterruptedException {
        close();
        drainer.join(timeout);
    }

    private void drain() {
        try {
            while (true) {
                byte[] chunk = queue.take();
                if (chunk == CLOSE) {
                    fail(new IOException("connection closed"));
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
                    lastProgress = clock.instant();
                    notifyAll();
                }
            }
        } catch (IOException e) {
            fail(e);
        } catch (InterruptedException e) {
            fail(new IOException("interrupted", e));
        }
    }
}
