package dev.same.protocol;

import java.time.Duration;
import java.util.List;

/**
 * Pushed as {@code run/event}. One flat record for every kind, so it reads the same in Java, JSON and
 * TypeScript; fields a kind does not use are null.
 *
 * @param runId          the run this event belongs to
 * @param kind           what happened
 * @param task           the task (TASK_*), else null
 * @param tasks          PLANNED: every task of the run in execution order
 * @param warnings       PLANNED: configuration warnings to show the user
 * @param status         TASK_FINISHED: how it ended
 * @param durationMillis TASK_FINISHED, RUN_FINISHED: wall time
 * @param durationMicros TASK_FINISHED: the same wall time in microseconds, for durations under a millisecond; absent
 *                       from servers before it was added
 * @param reason         TASK_FINISHED with FAILED or SKIPPED: why, in one line
 * @param restored       TASK_FINISHED with CACHED: outputs were restored from the cache and its log replayed
 * @param hash           TASK_STARTED, TASK_FINISHED: the task's hash, when known
 * @param success        RUN_FINISHED: every task ended OK or CACHED
 * @param remoteBytes    TASK_FINISHED with CACHED: the result came from the remote cache, this many bytes downloaded
 *                       (0 when the local store held every blob); null for a local hit
 */
public record RunEvent(
        String runId,
        RunEventKind kind,
        @Nullable String task,
        @Nullable List<String> tasks,
        @Nullable List<String> warnings,
        @Nullable TaskStatus status,
        @Nullable Long durationMillis,
        @Nullable Long durationMicros,
        @Nullable String reason,
        @Nullable Boolean restored,
        @Nullable String hash,
        @Nullable Boolean success,
        @Nullable Long remoteBytes) {

    public static RunEvent planned(String runId, List<String> tasks, List<String> warnings) {
        return new RunEvent(runId, RunEventKind.PLANNED, null, List.copyOf(tasks), List.copyOf(warnings),
                null, null, null, null, null, null, null, null);
    }

    public static RunEvent taskStarted(String runId, String task, String hash) {
        return new RunEvent(runId, RunEventKind.TASK_STARTED, task, null, null, null, null, null, null, null, hash,
                null, null);
    }

    public static RunEvent taskFinished(String runId, String task, TaskStatus status, long durationMillis,
                                        String reason, boolean restored, String hash) {
        return taskFinished(runId, task, status, Duration.ofMillis(durationMillis), reason, restored, hash, null);
    }

    public static RunEvent taskFinished(String runId, String task, TaskStatus status, Duration took,
                                        String reason, boolean restored, String hash, Long remoteBytes) {
        return new RunEvent(runId, RunEventKind.TASK_FINISHED, task, null, null, status, took.toMillis(),
                took.toNanos() / 1000, reason, restored, hash, null, remoteBytes);
    }

    public static RunEvent runFinished(String runId, boolean success, long durationMillis) {
        return new RunEvent(runId, RunEventKind.RUN_FINISHED, null, null, null, null, durationMillis, null, null,
                null, null, success, null);
    }
}
