package dev.same.protocol.jsonrpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-way byte pipe between threads of one JVM, with a bounded buffer: a writer waits while it is full, a reader
 * while it is empty, and both wait in Java rather than in a system call.
 *
 * <p>That is why it exists. The JVM's exit waits up to 300 ms for every thread it finds in native code (HotSpot's
 * {@code VM_Exit::wait_for_threads_in_native_to_block}), and a {@link java.nio.channels.Pipe} leaves one there: a
 * platform thread blocked in its {@code read}, or, once a virtual thread has waited on it, the JDK's poller threads,
 * which sit in {@code epoll_wait} for the rest of the JVM's life. Every command run in process paid those 300 ms.
 *
 * <p>Closing the sink ends the stream for the reader once the buffer is drained; closing the source makes writes
 * fail and wakes a reader waiting on it, as closing a channel does.
 */
public final class MemoryPipe {
    private static final int DEFAULT_CAPACITY = 64 * 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final byte[] buffer;
    private int start;
    private int count;
    private boolean sinkClosed;
    private boolean sourceClosed;
    private final InputStream source = new Source();
    private final OutputStream sink = new Sink();

    public MemoryPipe() {
        this(DEFAULT_CAPACITY);
    }

    public MemoryPipe(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.buffer = new byte[capacity];
    }

    /** The reading end. */
    public InputStream source() {
        return source;
    }

    /** The writing end. */
    public OutputStream sink() {
        return sink;
    }

    private final class Source extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (length == 0) {
                return 0;
            }
            lock.lock();
            try {
                while (count == 0 && !sinkClosed && !sourceClosed) {
                    await();
                }
                if (sourceClosed) {
                    throw new IOException("Stream closed");
                }
                if (count == 0) {
                    return -1;
                }
                int read = Math.min(length, count);
                int first = Math.min(read, buffer.length - start);
                System.arraycopy(buffer, start, bytes, offset, first);
                System.arraycopy(buffer, 0, bytes, offset + first, read - first);
                start = (start + read) % buffer.length;
                count -= read;
                changed.signalAll();
                return read;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int available() {
            lock.lock();
            try {
                return count;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            closeEnd(true);
        }
    }

    private final class Sink extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            lock.lock();
            try {
                while (length > 0) {
                    while (count == buffer.length && !sourceClosed && !sinkClosed) {
                        await();
                    }
                    if (sourceClosed || sinkClosed) {
                        throw new IOException("Stream closed");
                    }
                    int end = (start + count) % buffer.length;
                    int written = Math.min(length, Math.min(buffer.length - count, buffer.length - end));
                    System.arraycopy(bytes, offset, buffer, end, written);
                    count += written;
                    offset += written;
                    length -= written;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            closeEnd(false);
        }
    }

    private void closeEnd(boolean source) {
        lock.lock();
        try {
            if (source) {
                sourceClosed = true;
            } else {
                sinkClosed = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void await() throws InterruptedIOException {
        try {
            changed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting on the pipe");
        }
    }
}
