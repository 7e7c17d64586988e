package dev.same.server.exec;

import dev.same.protocol.TaskStatus;

/**
 * How one task of a run ended.
 *
 * @param hash     the task's hash, null when it could not be computed (missing input, skipped)
 * @param reason   FAILED / SKIPPED / CANCELLED: why, in one line; otherwise null
 * @param durationMicros wall time in microseconds (the original prints one under a millisecond so)
 * @param restored CACHED: outputs were restored from the cache
 * @param remoteBytes CACHED from the remote cache: bytes downloaded; otherwise null
 */
public record TaskResult(TaskStatus status, String hash, String reason, long durationMicros, boolean restored,
                         Long remoteBytes) {

    public TaskResult(TaskStatus status, String hash, String reason, long durationMicros, boolean restored) {
        this(status, hash, reason, durationMicros, restored, null);
    }

    public boolean succeeded() {
        return status == TaskStatus.OK || status == TaskStatus.CACHED;
    }

    public static TaskResult failed(String reason, String hash, long durationMicros) {
        return new TaskResult(TaskStatus.FAILED, hash, reason, durationMicros, false);
    }
}
