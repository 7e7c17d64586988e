package dev.same.server.hash;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The regular files a task's input patterns resolve to, sorted and without duplicates.
 *
 * @param files root-relative '/'-separated path to the stat taken while resolving (of the link
 *              target for a symlinked file)
 */
public record ResolvedInputs(SortedMap<String, FileStat> files) {
    public ResolvedInputs {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    public int size() {
        return files.size();
    }
}
