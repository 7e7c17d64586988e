package dev.same.server.cache.remote;

import java.util.concurrent.atomic.AtomicLong;

/** What the remote cache did since the server started. */
public final class RemoteStatistics {
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();
    private final AtomicLong bytesUp = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    void hit(long bytes) {
        hits.incrementAndGet();
        bytesDown.addAndGet(bytes);
    }

    void miss(long bytes) {
        misses.incrementAndGet();
        bytesDown.addAndGet(bytes);
    }

    void uploaded(long bytes) {
        bytesUp.addAndGet(bytes);
    }

    void error() {
        errors.incrementAndGet();
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    public long bytesDown() {
        return bytesDown.get();
    }

    public long bytesUp() {
        return bytesUp.get();
    }

    public long errors() {
        return errors.get();
    }
}
