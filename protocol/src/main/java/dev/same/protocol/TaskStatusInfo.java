package dev.same.protocol;

import java.util.List;

/**
 * One task's live state, in {@code workspace/status} answers and {@code workspace/hashesChanged} pushes.
 *
 * @param hash    the current hash, null when UNKNOWN
 * @param reasons why it is not clean, one short line each ("input changed: src/a.ts", "upstream changed:
 *                lib:build", "never run", "environment changed", "task definition changed"); empty when clean.
 *                A DIRTY task whose result the remote cache holds has {@value #REMOTE_HIT_AVAILABLE} first.
 */
public record TaskStatusInfo(String id, TaskState state, @Nullable String hash, List<String> reasons) {
    /** The first reason of a dirty task whose result a run would fetch from the remote cache instead of running it. */
    public static final String REMOTE_HIT_AVAILABLE = "remote hit available";
}
