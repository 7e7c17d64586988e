package dev.same.protocol;

import java.util.Map;

/**
 * The answer to {@code task/environment}.
 *
 * @param task      the task's id
 * @param hash      the hash of its tool environment (part of the task's hash)
 * @param variables every variable the task would run with: the caller's HOME, TERM, USER and PATH, then the tool
 *                  environment (its PATH in front), then the task's own {@code environment}; sorted by name
 * @param source    where the tool environment comes from: {@code none}, {@code nix: go@1.22, nodejs@22},
 *                  {@code command: mise env --json (same.work.yaml:3)}, or both joined by {@code +}
 */
public record EnvResult(String task, String hash, Map<String, String> variables, String source) {
}
