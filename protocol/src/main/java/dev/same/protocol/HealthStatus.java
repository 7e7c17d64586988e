package dev.same.protocol;

/** The daemon's condition in {@code daemon/health}; by name on the wire. */
public enum HealthStatus {
    /** Watching works. */
    OK,
    /** The watcher lost events or hit a limit: the daemon scans the workspace instead. */
    DEGRADED,
    /** The daemon is stopping. */
    SHUTTING_DOWN
}
