package dev.same.protocol;

/**
 * Pushed as {@code run/output}: a chunk of a task's combined stdout and stderr.
 *
 * @param runId  the run
 * @param task   the task that printed it
 * @param offset byte offset of this chunk in the task's log (monotonically increasing per task)
 * @param text   whole lines, each ending with a newline (a final line without one gets one)
 * @param replay true when the text is a cached log replayed after restoring outputs
 */
public record RunOutput(String runId, String task, long offset, String text, boolean replay) {
}
