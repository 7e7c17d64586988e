package dev.same.protocol;

/**
 * The remote cache as {@code daemon/status} reports it, counted since the daemon started.
 *
 * @param url           the cache's base URL, without credentials (the most recent run's)
 * @param readOnly      whether that run only read from it
 * @param hits          tasks restored from it
 * @param misses        tasks it did not have (so they ran)
 * @param bytesDown     bytes downloaded (records and blobs)
 * @param bytesUp       bytes uploaded
 * @param errors        requests that failed: unreachable, refused, timed out, or answered with something unusable
 * @param pendingUploads results waiting to be uploaded
 * @param failedUploads uploads that failed (counted in {@code errors} too)
 * @param lastError     what the most recent error was, without credentials; null when there was none
 */
public record RemoteCacheStatus(String url, boolean readOnly, long hits, long misses, long bytesDown, long bytesUp,
                                long errors, long pendingUploads, long failedUploads, @Nullable String lastError) {
}
