package dev.same.protocol;

/** {@code task/explain}: what changed for this task since its last successful run. */
public record ExplainParams(String task, String cwd, boolean includeWrites) {
}
