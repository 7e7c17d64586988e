package dev.same.server.hash;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The regular files a task's input patterns resolve to, sorted and without duplicates.
 *
 * @param files        root-relative '/'-separated path to the stat taken while resolving (of the link
 *                     target for a symlinked file)
 * @param followsLinks some input is reached through a symbolic link (a linked file, or a named file or
 *                     directory that is, or lies below, a link): a change to it may be seen under another path
 */
public record ResolvedInputs(SortedMap<String, FileStat> files, boolean followsLinks) {
    public ResolvedInputs {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public ResolvedInputs(SortedMap<String, FileStat> files) {
        this(files, false);
    }

    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    public int size() {
        return files.size();
    }
}
