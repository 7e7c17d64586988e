package dev.same.server.cache.remote;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What the remote cache did since the server started. */
public final class RemoteStatistics {
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();
    private final AtomicLong bytesUp = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong failedUploads = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    void hit() {
        hits.incrementAndGet();
    }

    void miss() {
        misses.incrementAndGet();
    }

    void downloaded(long bytes) {
        bytesDown.addAndGet(bytes);
    }

    void uploaded(long bytes) {
        bytesUp.addAndGet(bytes);
    }

    /** @param message what failed, as the exceptions of this package say it: never the credentials */
    void error(String message) {
        errors.incrementAndGet();
        lastError.set(message == null ? "unknown error" : message);
    }

    void uploadFailed(String message) {
        failedUploads.incrementAndGet();
        error(message);
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

    public long failedUploads() {
        return failedUploads.get();
    }

    /** The message of the most recent error; null when there was none. */
    public String lastError() {
        return lastError.get();
    }
}
