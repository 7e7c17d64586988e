package dev.same.protocol;

import java.util.List;

/**
 * The answer to {@code task/explain}.
 *
 * @param previousHash the hash of the last successful run, null if never run
 * @param changes      empty when the task is clean
 */
public record ExplainResult(long epoch, String task, TaskState state, @Nullable String hash,
                            @Nullable String previousHash, @Nullable Long previousFinishedAtMillis,
                            List<Change> changes) {
}
