package dev.same.server.cache.remote;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Uploads running in the background, a few at a time, so a run's end never waits for them; a server that stops
 * waits for them first ({@link #awaitAll}), for at most a bound.
 */
final class Uploads {
    private static final int AT_ONCE = 4;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots = new Semaphore(AT_ONCE);
    private final Object lock = new Object();
    private int pending;

    void submit(Runnable upload) {
        synchronized (lock) {
            pending++;
        }
        executor.execute(() -> {
            try {
                slots.acquire();
                try {
                    upload.run();
                } finally {
                    slots.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                synchronized (lock) {
                    pending--;
                    lock.notifyAll();
                }
            }
        });
    }

    int pending() {
        synchronized (lock) {
            return pending;
        }
    }

    /** Waits until no upload is pending or {@code timeout} has passed; true when none is left. */
    boolean awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
