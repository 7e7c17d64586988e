package dev.same.protocol;

import java.util.Map;

/**
 * {@code task/environment}: the variables one task would run with.
 *
 * @param task        {@code project:task}, or a task name resolved against {@code cwd} as on the command line
 * @param cwd         the caller's working directory
 * @param environment the caller's environment: HOME, TERM, USER and PATH reach tasks, as in {@code run/start}
 */
public record EnvParams(String task, String cwd, Map<String, String> environment) {
}
