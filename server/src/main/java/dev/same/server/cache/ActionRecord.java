package dev.same.server.cache;

import dev.same.server.hash.InputFile;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a successful run of a task left behind, keyed by the task's hash.
 * Inputs, dependency hashes and environment are kept so a later run can say what changed.
 *
 * @param format           {@link #FORMAT}; a record in another format is ignored
 * @param logDigest        the captured output in the content store, null when none was captured
 * @param environment      the task's hashed environment (tool environment and variables)
 */
public record ActionRecord(
        int format,
        String taskId,
        String hash,
        List<OutputEntry> outputs,
        String logDigest,
        long durationMillis,
        Instant finishedAt,
        List<InputFile> inputs,
        SortedMap<String, String> dependencyHashes,
        SortedMap<String, String> environment) {

    public static final int FORMAT = 1;

    public ActionRecord {
        outputs = outputs == null ? null : List.copyOf(outputs);
        inputs = inputs == null ? null : List.copyOf(inputs);
        dependencyHashes = dependencyHashes == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(dependencyHashes));
        environment = environment == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(environment));
    }

    /** Whether every field a reader relies on is present (a record read from disk may be damaged). */
    public boolean wellFormed() {
        return format == FORMAT && taskId != null && hash != null && outputs != null && finishedAt != null
                && inputs != null && dependencyHashes != null && environment != null
                && outputs.stream().allMatch(o -> o != null && o.wellFormed())
                && inputs.stream().allMatch(i -> i != null && i.path() != null && i.digest() != null);
    }
}
