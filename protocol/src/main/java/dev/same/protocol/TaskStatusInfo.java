package dev.same.protocol;

import java.util.List;

/**
 * One task's live state, in {@code workspace/status} answers and {@code workspace/hashesChanged} pushes.
 *
 * @param hash    the current hash, null when UNKNOWN
 * @param reasons why it is not clean, one short line each ("input changed: src/a.ts", "upstream changed:
 *                lib:build", "never run", "environment changed", "task definition changed"); empty when clean
 */
public record TaskStatusInfo(String id, TaskState state, @Nullable String hash, List<String> reasons) {
}
