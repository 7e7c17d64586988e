package dev.same.server.hash;

import dev.same.server.SameException;
import dev.same.server.config.Glob;
import dev.same.server.hash.DirectoryEntries.DirectoryEntry;
import dev.same.server.hash.ResolvedInputs.ResolvedFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * Expands input patterns (files, directories, globs, {@code !} exclusions; see {@link Glob}) to
 * the regular files they name.
 *
 * <ul>
 *   <li>A directory, named or matched by a glob, stands for every file below it.</li>
 *   <li>Walks skip directories named {@code .git}, {@code .jj} and {@code .same}, and never
 *       follow a symlink to a directory; a symlink to a file is an input with its target's content.</li>
 *   <li>Exclusions apply whatever their position in the list; an excluded directory is not walked.</li>
 *   <li>A pattern that names or matches nothing is an error ("input not found"); one whose
 *       matches are all excluded is not.</li>
 * </ul>
 */
public final class InputResolver {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".jj", ".same");
    // walking is mostly stat calls: worth spreading over the cores even when the files are cached
    private static final ForkJoinPool POOL = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()));

    public ResolvedInputs resolve(Path root, List<String> patterns) {
        var includes = new ArrayList<Include>();
        var excludes = new ArrayList<Glob>();
        for (String written : patterns) {
            if (written.startsWith("!")) {
                excludes.add(Glob.compile(normalize(written.substring(1), written)));
            } else {
                includes.add(new Include(written, Glob.compile(normalize(written, written))));
            }
        }
        var walk = new Walk(root, excludes);
        try {
            for (Include include : includes) {
                if (!walk.add(include)) {
                    throw new SameException("input not found: " + include.written());
                }
            }
        } catch (IOException e) {
            throw new SameException("cannot read inputs: " + e.getMessage(), List.of("input patterns: " + patterns), e);
        }
        return ResolvedInputs.sorting(walk.files, walk.followsLinks);
    }

    private record Include(String written, Glob glob) {
    }

    /** Root-relative, '/'-separated, without "." segments or a trailing '/'; "" is the root itself. */
    static String normalize(String pattern, String written) {
        if (pattern.startsWith("/")) {
            throw outside(written);
        }
        var segments = new ArrayList<String>();
        for (String segment : pattern.split("/")) {
            switch (segment) {
                case "", "." -> { }
                case ".." -> throw outside(written);
                default -> segments.add(segment);
            }
        }
        return String.join("/", segments);
    }

    private static SameException outside(String written) {
        return new SameException("input is outside the workspace: " + written,
                List.of("inputs are paths relative to the workspace root and stay inside it"));
    }

    private static final class Walk {
        private final Path root;
        private final List<Glob> excludes;
        /** Filled by one thread: a directory walk adds its files once all its threads are done. */
        private final List<ResolvedFile> files = new ArrayList<>();
        private Path realRoot;
        private volatile boolean followsLinks;

        Walk(Path root, List<Glob> excludes) {
            this.root = root;
            this.excludes = excludes;
        }

        /** Adds the files of one pattern; false when it names or matches nothing. */
        boolean add(Include include) throws IOException {
            Glob glob = include.glob();
            String start = glob.literalPrefix();
            Path startPath = root.resolve(start);
            FileStat stat = statFollowingLinks(startPath);
            if (stat == null) {
                return false;
            }
            if (glob.isLiteral()) {
                if (excludedWithAncestors(start)) {
                    return true;
                }
                return switch (stat.type()) {
                    case FILE -> {
                        files.add(new ResolvedFile(start, stat));
                        noteLinks(startPath, start);
                        yield true;
                    }
                    case DIRECTORY -> {
                        requireInsideRoot(startPath, include.written());
                        walk(startPath, start, null);
                        yield true;
                    }
                    default -> false;
                };
            }
            if (!stat.isDirectory()) {
                return false;
            }
            requireInsideRoot(startPath, include.written());
            return excludedWithAncestors(start) || walk(startPath, start, glob);
        }

        /** Walks a directory on the pool; returns whether anything matched {@code glob} (null: everything). */
        private boolean walk(Path dir, String relDir, Glob glob) throws IOException {
            var walk = new DirectoryWalk(dir, relDir, glob);
            boolean found;
            try {
                found = POOL.invoke(walk);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            walk.addFilesTo(files);
            return found;
        }

        /**
         * One directory: lists and stats its entries, then walks its subdirectories as subtasks, so a
         * large tree is walked (and stat'ed) by several threads. Each keeps its own files, in name order.
         */
        private final class DirectoryWalk extends RecursiveTask<Boolean> {
            private static final Comparator<DirectoryWalk> BY_DIRECTORY = Comparator.comparing(walk -> walk.relDir);

            private final Path dir;
            private final String relDir;
            private final Glob glob;
            private final List<ResolvedFile> found = new ArrayList<>();
            private final List<DirectoryWalk> subdirectories = new ArrayList<>();

            DirectoryWalk(Path dir, String relDir, Glob glob) {
                this.dir = dir;
                this.relDir = relDir;
                this.glob = glob;
            }

            @Override
            protected Boolean compute() {
                boolean matched = false;
                try {
                    for (DirectoryEntry entry : DirectoryEntries.list(dir)) {
                        String rel = relDir.isEmpty() ? entry.name() : relDir + "/" + entry.name();
                        FileStat stat = entry.stat();
                        boolean matches = glob == null || glob.matches(rel);
                        switch (stat.type()) {
                            case DIRECTORY -> {
                                if (SKIPPED_DIRECTORIES.contains(entry.name())) {
                                    continue;
                                }
                                matched |= matches;
                                if (!excluded(rel) && (matches || glob.mayMatchBelow(rel))) {
                                    subdirectories.add(new DirectoryWalk(dir.resolve(entry.name()), rel, matches ? null : glob));
                                }
                            }
                            case FILE -> {
                                if (matches) {
                                    matched = true;
                                    addUnlessExcluded(rel, stat);
                                }
                            }
                            case SYMLINK -> {
                                FileStat target = matches ? statFollowingLinks(dir.resolve(entry.name())) : null;
                                if (target != null && target.isFile()) {
                                    matched = true;
                                    addUnlessExcluded(rel, target);
                                    followsLinks = true;
                                }
                            }
                            case OTHER -> { }
                        }
                    }
                } catch (NoSuchFileException | NotDirectoryException e) {
                    // removed or replaced while walking: nothing to add
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                found.sort(ResolvedInputs.BY_PATH);
                subdirectories.sort(BY_DIRECTORY);
                invokeAll(subdirectories);
                for (DirectoryWalk subdirectory : subdirectories) {
                    // below a matched directory everything counts, so only glob walks report
                    matched |= subdirectory.glob != null && subdirectory.join();
                }
                return matched;
            }

            private void addUnlessExcluded(String rel, FileStat stat) {
                if (!excluded(rel)) {
                    found.add(new ResolvedFile(rel, stat));
                }
            }

            /** This directory's files, then each subdirectory's, in name order: nearly sorted by path. */
            void addFilesTo(List<ResolvedFile> files) {
                files.addAll(found);
                for (DirectoryWalk subdirectory : subdirectories) {
                    subdirectory.addFilesTo(files);
                }
            }
        }

        private boolean excluded(String rel) {
            for (Glob exclude : excludes) {
                if (exclude.matches(rel)) {
                    return true;
                }
            }
            return false;
        }

        private boolean excludedWithAncestors(String rel) {
            for (String path = rel; ; path = path.substring(0, path.lastIndexOf('/'))) {
                if (excluded(path)) {
                    return true;
                }
                if (path.indexOf('/') < 0) {
                    return false;
                }
            }
        }

        /** A named directory may be a symlink (or lie under one): it must still lead to a place inside the root. */
        private void requireInsideRoot(Path dir, String written) throws IOException {
            Path real = dir.toRealPath();
            if (!real.startsWith(realRoot())) {
                throw new SameException("input is outside the workspace: " + written,
                        List.of("it leads through a symlink to " + real));
            }
            if (!real.equals(realRoot().resolve(relative(dir)))) {
                followsLinks = true;
            }
        }

        /** A named file that is, or lies below, a symbolic link. */
        private void noteLinks(Path file, String rel) throws IOException {
            if (!file.toRealPath().equals(realRoot().resolve(rel))) {
                followsLinks = true;
            }
        }

        private Path realRoot() throws IOException {
            if (realRoot == null) {
                realRoot = root.toRealPath();
            }
            return realRoot;
        }

        private String relative(Path dir) {
            return root.relativize(dir).toString();
        }

        private static FileStat statFollowingLinks(Path path) throws IOException {
            try {
                return FileStat.read(path, true);
            } catch (FileSystemException e) {
                if (isAbsent(e)) {
                    return null; // missing, a dangling symlink or a symlink loop
                }
                throw e;
            }
        }

        private static boolean isAbsent(FileSystemException e) {
            return e instanceof NoSuchFileException
                    || "Not a directory".equals(e.getReason())
                    || "Too many levels of symbolic links".equals(e.getReason());
        }
    }
}
