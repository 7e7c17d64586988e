package dev.same.server.exec;

import java.util.concurrent.atomic.AtomicLong;

/** Counters over the life of a server: how many tasks the cache answered and how many ran. */
public final class RunStatistics {
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong cacheMisses = new AtomicLong();

    void hit() {
        cacheHits.incrementAndGet();
    }

    void miss() {
        cacheMisses.incrementAndGet();
    }

    public long cacheHits() {
        return cacheHits.get();
    }

    public long cacheMisses() {
        return cacheMisses.get();
    }
}
