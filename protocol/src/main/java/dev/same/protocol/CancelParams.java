package dev.same.protocol;

/** {@code run/cancel}. */
public record CancelParams(String runId) {
}
