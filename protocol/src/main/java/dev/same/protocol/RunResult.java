package dev.same.protocol;

import java.util.Map;

/**
 * The answer to {@code run/start}, sent after the RUN_FINISHED event.
 *
 * @param runId    the run
 * @param success  every task ended OK or CACHED
 * @param exitCode 0 on success, 1 otherwise
 * @param statuses how each planned task ended
 */
public record RunResult(String runId, boolean success, int exitCode, Map<String, TaskStatus> statuses) {
}
