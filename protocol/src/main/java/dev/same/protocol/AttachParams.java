package dev.same.protocol;

/**
 * {@code run/attach}: follow a live run. Its events and output since message {@code fromMessage} are sent
 * again, then everything new, as {@code run/event} and {@code run/output} pushes.
 *
 * @param fromMessage index of the first message to receive (0 = the whole run so far)
 */
public record AttachParams(String runId, long fromMessage) {
}
