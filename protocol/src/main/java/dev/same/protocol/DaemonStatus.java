package dev.same.protocol;

import java.util.List;

/**
 * {@code daemon/status}.
 *
 * @param idleTimeoutMillis   idle shutdown after this long without clients or requests
 * @param idleRemainingMillis time left before idle shutdown once the asking client has disconnected; -1 while
 *                            other clients are connected or runs are active
 * @param heapUsedBytes       JVM heap in use
 * @param rssBytes            resident set size of the daemon process (0 if unknown)
 * @param clients             connected clients, one line each ("cli 0.1.0 pid 123, connected 2s")
 * @param activeRuns          run ids of runs in progress
 * @param cacheHits           tasks answered from the cache since start
 * @param cacheMisses         tasks executed since start
 * @param epoch               the workspace state's epoch
 * @param health              "OK", or "DEGRADED: why (remedy)"
 * @param watchedDirectories  directories the watcher registered
 * @param watchEvents         file events received
 * @param rescans             full re-examinations after lost events or in polling mode
 * @param envCacheHits        task environments answered from memory or disk since start
 * @param envCacheMisses      task environments resolved since start (an env command run, a Nix shell built)
 * @param remoteCache         the remote cache since start; null when no run has used one
 */
public record DaemonStatus(
        long pid,
        String version,
        String root,
        String socket,
        long startedAtMillis,
        long uptimeMillis,
        long idleTimeoutMillis,
        long idleRemainingMillis,
        long heapUsedBytes,
        long rssBytes,
        List<String> clients,
        List<String> activeRuns,
        long cacheHits,
        long cacheMisses,
        long epoch,
        String health,
        long watchedDirectories,
        long watchEvents,
        long rescans,
        long envCacheHits,
        long envCacheMisses,
        @Nullable RemoteCacheStatus remoteCache) {
}
