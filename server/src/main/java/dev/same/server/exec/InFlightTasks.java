package dev.same.server.exec;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One execution per task hash at a time, across the runs of one server: a second run that needs a task
 * already running waits for it and then finds its result in the cache, instead of running it twice.
 */
public final class InFlightTasks {
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Held while a run works on a hash. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /** Blocks until no other run works on {@code hash}; close the lease to let the next one in. */
    public Lease acquire(String hash) throws InterruptedException {
        while (true) {
            ReentrantLock lock = locks.computeIfAbsent(hash, h -> new ReentrantLock());
            lock.lockInterruptibly();
            if (locks.get(hash) == lock) {
                return () -> {
                    if (!lock.hasQueuedThreads()) {
                        locks.remove(hash, lock);
                    }
                    lock.unlock();
                };
            }
            lock.unlock(); // removed meanwhile by its last holder: take the current one
        }
    }
}
