package dev.same.protocol;

/** {@code workspace/clean}: remove the task cache, the tool caches, or both. */
public record CleanParams(boolean cache, boolean tools) {
}
