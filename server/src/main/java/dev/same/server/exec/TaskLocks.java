package dev.same.server.exec;

import dev.same.protocol.client.PrivateFiles;
import dev.same.server.hash.Digest;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One lock per task of a workspace, across threads and processes ({@code .same/locks/}, outside the cache that
 * {@code same clean} removes). A run holds it while it looks the task up, restores or runs it and records the
 * result, so two runs at once never run a task twice or capture outputs the other one is writing: the second
 * waits, then finds the first one's result in the cache.
 */
final class TaskLocks {
    /** A JVM cannot hold two file locks on one file: threads of this process queue here first. */
    private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path dir;

    TaskLocks(Path root) {
        this.dir = root.resolve(".same").resolve("locks");
    }

    /** A held lock; closing releases it. */
    record Held(FileChannel channel, Semaphore local) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                channel.close(); // releases the file lock
            } finally {
                local.release();
            }
        }
    }

    /** Waits for the task's lock; a cancellation ends the wait with an InterruptedException. */
    Held acquire(String taskId, Cancellation cancellation) throws IOException, InterruptedException {
        PrivateFiles.createDirectories(dir);
        Path file = dir.resolve(Digest.of(taskId) + ".lock");
        Semaphore local = IN_PROCESS.computeIfAbsent(file, f -> new Semaphore(1));
        Thread waiter = Thread.currentThread();
        AutoCloseable wakeUp = cancellation.onCancel(waiter::interrupt);
        try {
            local.acquire();
            FileChannel channel = null;
            try {
                channel = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                lock(channel);
                return new Held(channel, local);
            } catch (ClosedByInterruptException | FileLockInterruptionException e) {
                local.release();
                throw new InterruptedException("cancelled while waiting for " + taskId);
            } catch (InterruptedException e) { // while polling, see lock()
                channel.close();
                local.release();
                throw new InterruptedException("cancelled while waiting for " + taskId);
            } catch (IOException | RuntimeException e) {
                if (channel != null) {
                    channel.close();
                }
                local.release();
                throw e;
            }
        } finally {
            unregister(wakeUp);
            if (cancellation.isCancelled()) {
                Thread.interrupted(); // the wake-up was for this wait only; callers check the cancellation
            }
        }
    }

    /**
     * Blocks until the file lock is held. The kernel's deadlock detection sees processes, not threads: run A holds
     * t1 on one thread and waits for t2 on another while run B holds t2 and waits for t1, which is no deadlock
     * (each holder finishes its task and lets go), yet the blocking call fails with EDEADLK ("Resource deadlock
     * avoided"), which failed a task of two runs started at once. Then the lock is polled instead, which the
     * kernel never refuses that way.
     */
    private static void lock(FileChannel channel) throws IOException, InterruptedException {
        try {
            channel.lock();
        } catch (ClosedByInterruptException | FileLockInterruptionException e) {
            throw e;
        } catch (IOException wouldDeadlock) {
            while (channel.tryLock() == null) {
                Thread.sleep(POLL_MILLIS);
            }
        }
    }

    private static final long POLL_MILLIS = 10;

    private static void unregister(AutoCloseable registration) {
        try {
            registration.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
