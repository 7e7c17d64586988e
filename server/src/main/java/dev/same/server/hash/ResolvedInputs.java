package dev.same.server.hash;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The regular files a task's input patterns resolve to, sorted by path and without duplicates.
 *
 * @param files        the files with the stat taken while resolving (of the link target for a symlinked file)
 * @param followsLinks some input is reached through a symbolic link (a linked file, or a named file or
 *                     directory that is, or lies below, a link): a change to it may be seen under another path
 */
public record ResolvedInputs(List<ResolvedFile> files, boolean followsLinks) {

    /** One input file: root-relative '/'-separated path and its stat. */
    public record ResolvedFile(String path, FileStat stat) {
    }

    static final Comparator<ResolvedFile> BY_PATH = Comparator.comparing(ResolvedFile::path);

    public ResolvedInputs {
        files = List.copyOf(files);
        for (int i = 1; i < files.size(); i++) {
            if (files.get(i - 1).path().compareTo(files.get(i).path()) >= 0) {
                throw new IllegalArgumentException("files not sorted or not unique at " + files.get(i).path());
            }
        }
    }

    /**
     * Sorts {@code files} in place (cheap when they are nearly sorted, as a walk that lists each directory
     * in order gives them) and keeps the first of several files found under the same path.
     */
    public static ResolvedInputs sorting(List<ResolvedFile> files, boolean followsLinks) {
        files.sort(BY_PATH);
        var unique = new ArrayList<ResolvedFile>(files.size());
        for (ResolvedFile file : files) {
            if (unique.isEmpty() || !unique.getLast().path().equals(file.path())) {
                unique.add(file);
            }
        }
        return new ResolvedInputs(unique, followsLinks);
    }

    public List<String> paths() {
        return files.stream().map(ResolvedFile::path).toList();
    }

    /** The stat of one input file, or null when it is not among them. */
    public FileStat stat(String path) {
        int i = Collections.binarySearch(files, new ResolvedFile(path, null), BY_PATH);
        return i >= 0 ? files.get(i).stat() : null;
    }

    public int size() {
        return files.size();
    }
}
