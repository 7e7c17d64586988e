package dev.same.server.cache;

import dev.same.server.SameException;
import dev.same.server.hash.FileDigests;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Captures what a task's targets hold after a successful run, checks whether that is still on
 * disk, and restores what is missing or changed.
 *
 * <p>A declared target that does not exist after the run is not recorded (and so not restored or
 * removed later). Inside target directories, directories named {@code .git}, {@code .jj} and
 * {@code .same} are skipped, symlinks are recorded as links (never followed), and special files
 * (sockets, fifos) are ignored. Files that appear in a target directory but are not in the record
 * are left alone: intact means "everything recorded is there, unchanged".
 */
public final class OutputSnapshot {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".jj", ".same");
    private static final LinkOption NO_FOLLOW = LinkOption.NOFOLLOW_LINKS;

    /** Stores every regular file under the targets in {@code store}; returns the entries sorted by path. */
    public List<OutputEntry> capture(Path root, List<String> targets, ContentStore store) throws IOException {
        return capture(root, targets, List.of(), store);
    }

    /**
     * As {@link #capture(Path, List, ContentStore)}, leaving out what lies at or below {@code othersTargets}: the
     * targets of other tasks inside these targets, which are those tasks' outputs, not this one's.
     */
    public List<OutputEntry> capture(Path root, List<String> targets, List<String> othersTargets, ContentStore store)
            throws IOException {
        SortedMap<String, OutputEntry> entries = new TreeMap<>();
        Set<String> excluded = Set.copyOf(othersTargets.stream().map(OutputSnapshot::normalize).toList());
        for (String target : targets) {
            String rel = normalize(target);
            Path path = root.resolve(rel);
            PosixFileAttributes attributes = attributes(path);
            if (attributes != null) {
                capture(path, rel, attributes, store, excluded, entries);
            }
        }
        return List.copyOf(entries.values());
    }

    private void capture(Path path, String rel, PosixFileAttributes attributes, ContentStore store,
                         Set<String> excluded, SortedMap<String, OutputEntry> entries) throws IOException {
        if (entries.containsKey(rel) || excluded.contains(rel)) {
            return; // overlapping targets ("dist" and "dist/app.js"), or another task's
        }
        if (attributes.isSymbolicLink()) {
            entries.put(rel, OutputEntry.symlink(rel, Files.readSymbolicLink(path).toString()));
        } else if (attributes.isRegularFile()) {
            boolean executable = ContentStore.isExecutable(attributes.permissions());
            entries.put(rel, OutputEntry.file(rel, store.put(path), executable));
        } else if (attributes.isDirectory()) {
            entries.put(rel, OutputEntry.directory(rel));
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    String name = child.getFileName().toString();
                    PosixFileAttributes childAttributes = attributes(child);
                    if (childAttributes == null || (childAttributes.isDirectory() && SKIPPED_DIRECTORIES.contains(name))) {
                        continue;
                    }
                    capture(child, rel.isEmpty() ? name : rel + "/" + name, childAttributes, store, excluded,
                            entries);
                }
            }
        }
    }

    /**
     * Whether every recorded output is on disk with the same kind, content, execute bit and link
     * target. File contents are checked through {@code digests}, so unchanged files are not re-read.
     */
    public boolean intact(Path root, ActionRecord record, FileDigests digests) {
        try {
            for (OutputEntry entry : record.outputs()) {
                if (!matches(root, entry, attributes(root.resolve(entry.path())), digests)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Restores missing or changed outputs (each file atomically) and leaves correct ones untouched; returns how many
     * it wrote. Temporary copies of those that an earlier, killed restore left beside them are removed.
     */
    public int restore(Path root, ActionRecord record, ContentStore store) throws IOException {
        return restore(root, record, store, new FileDigests());
    }

    public int restore(Path root, ActionRecord record, ContentStore store, FileDigests digests) throws IOException {
        var entries = new ArrayList<>(record.outputs());
        entries.sort(Comparator.comparing(OutputEntry::path)); // a directory before what it holds
        var written = new ArrayList<Path>();
        var insideWorkspace = new HashSet<Path>();
        for (OutputEntry entry : entries) {
            refuseLinksOutside(root, entry.path(), insideWorkspace);
            Path path = root.resolve(entry.path());
            PosixFileAttributes attributes = attributes(path);
            switch (entry.kind()) {
                case DIRECTORY -> {
                    if (attributes == null || !attributes.isDirectory()) {
                        if (attributes != null) {
                            Files.delete(path);
                        }
                        Files.createDirectories(path);
                        written.add(path);
                    }
                }
                case FILE -> {
                    boolean sameContent = attributes != null && attributes.isRegularFile()
                            && digests.digest(root, entry.path()).equals(entry.digest());
                    if (!sameContent) {
                        if (attributes != null && attributes.isDirectory()) {
                            deleteRecursively(path);
                        }
                        store.materialize(entry.digest(), path, entry.executable());
                        written.add(path);
                    } else if (ContentStore.isExecutable(attributes.permissions()) != entry.executable()) {
                        ContentStore.setExecutable(path, entry.executable());
                        written.add(path);
                    }
                }
                case SYMLINK -> {
                    if (!matches(root, entry, attributes, digests)) {
                        if (attributes != null && attributes.isDirectory()) {
                            deleteRecursively(path);
                        }
                        Files.createDirectories(path.toAbsolutePath().getParent());
                        Path temp = AtomicFiles.tempNextTo(path);
                        try {
                            Files.createSymbolicLink(temp, Path.of(entry.linkTarget()));
                            AtomicFiles.moveIntoPlace(temp, path);
                        } finally {
                            Files.deleteIfExists(temp);
                        }
                        written.add(path);
                    }
                }
            }
        }
        LeftBehindFiles.sweepBeside(written);
        return written.size();
    }

    /** A restore that would write outside the workspace: the task fails with this message rather than run. */
    public static final class RestoreRefused extends SameException {
        RestoreRefused(String message) {
            super(message);
        }
    }

    /**
     * Refuses an entry below a symbolic link that leads outside the workspace: restoring it would write there.
     * (An entry that is itself a link is replaced, never written through.) {@code inside}: directories checked.
     */
    private static void refuseLinksOutside(Path root, String rel, Set<Path> inside) throws IOException {
        Path directory = root;
        String[] segments = rel.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            directory = directory.resolve(segments[i]);
            if (inside.contains(directory)) {
                continue;
            }
            PosixFileAttributes attributes = attributes(directory);
            if (attributes == null) {
                return; // created below as a real directory
            }
            if (attributes.isSymbolicLink() && !directory.toRealPath().startsWith(root.toRealPath())) {
                throw new RestoreRefused("cannot restore the cached outputs: " + root.relativize(directory)
                        + " is a symbolic link to " + directory.toRealPath() + ", outside the workspace; remove the "
                        + "link, or run with --no-cache to run the task instead");
            }
            inside.add(directory);
        }
    }

    private static boolean matches(Path root, OutputEntry entry, PosixFileAttributes attributes, FileDigests digests)
            throws IOException {
        if (attributes == null) {
            return false;
        }
        return switch (entry.kind()) {
            case DIRECTORY -> attributes.isDirectory();
            case SYMLINK -> attributes.isSymbolicLink()
                    && Files.readSymbolicLink(root.resolve(entry.path())).toString().equals(entry.linkTarget());
            case FILE -> attributes.isRegularFile()
                    && ContentStore.isExecutable(attributes.permissions()) == entry.executable()
                    && digests.digest(root, entry.path()).equals(entry.digest());
        };
    }

    private static PosixFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, PosixFileAttributes.class, NO_FOLLOW);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.isDirectory(path, NO_FOLLOW)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    deleteRecursively(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }

    /** Targets are root-relative; "./dist/" means "dist", and nothing may leave the root. */
    private static String normalize(String target) {
        var segments = new ArrayList<String>();
        for (String segment : target.split("/")) {
            switch (segment) {
                case "", "." -> { }
                case ".." -> throw new SameException("target is outside the workspace: " + target);
                default -> segments.add(segment);
            }
        }
        if (target.startsWith("/")) {
            throw new SameException("target is outside the workspace: " + target);
        }
        return String.join("/", segments);
    }
}
