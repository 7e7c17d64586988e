package dev.same.protocol;

/**
 * One difference between a task's last successful run and now.
 *
 * @param kind   FILE_ADDED, FILE_REMOVED, FILE_CHANGED (path), UPSTREAM_CHANGED (task), ENVIRONMENT_CHANGED
 *               (variable or "tools"), DEFINITION_CHANGED, NEVER_RUN, ALWAYS_REBUILD, UNKNOWN (detail says why)
 * @param subject the file path, task id or variable name the change is about; null when none
 * @param detail  a short human sentence
 */
public record Change(String kind, @Nullable String subject, @Nullable String detail) {
}
