package dev.same.protocol;

/**
 * Pushed as {@code daemon/health}.
 *
 * @param status OK, DEGRADED (the watcher lost events or hit a limit and the daemon scans instead),
 *               SHUTTING_DOWN
 * @param reason what happened; null when OK
 * @param remedy what the user can do about it; null when nothing
 */
public record Health(long epoch, HealthStatus status, @Nullable String reason, @Nullable String remedy) {
}
