package dev.same.server.hash;

import dev.same.server.SameException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

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
            throw new UncheckedIOException("cannot read inputs under " + root, e);
        }
        return new ResolvedInputs(walk.files);
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
        private final SortedMap<String, FileStat> files = new TreeMap<>();
        private Path realRoot;

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
                        files.put(start, stat);
                        yield true;
                    }
                    case DIRECTORY -> {
                        requireInsideRoot(startPath, include.written());
                        addAll(startPath, start);
                        yield true;
                    }
                    default -> false;
                };
            }
            if (!stat.isDirectory()) {
                return false;
            }
            requireInsideRoot(startPath, include.written());
            return excludedWithAncestors(start) || addMatching(startPath, start, glob);
        }

        private boolean addMatching(Path dir, String relDir, Glob glob) throws IOException {
            boolean found = false;
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String rel = child(relDir, entry);
                    FileStat stat = statNotFollowingLinks(entry);
                    if (stat == null) {
                        continue;
                    }
                    switch (stat.type()) {
                        case DIRECTORY -> {
                            if (SKIPPED_DIRECTORIES.contains(entry.getFileName().toString())) {
                                continue;
                            }
                            if (glob.matches(rel)) {
                                found = true;
                                if (!excluded(rel)) {
                                    addAll(entry, rel);
                                }
                            } else if (!excluded(rel) && glob.mayMatchBelow(rel)) {
                                found |= addMatching(entry, rel, glob);
                            }
                        }
                        case FILE -> {
                            if (glob.matches(rel)) {
                                found = true;
                                addUnlessExcluded(rel, stat);
                            }
                        }
                        case SYMLINK -> {
                            if (glob.matches(rel)) {
                                FileStat target = statFollowingLinks(entry);
                                if (target != null && target.isFile()) {
                                    found = true;
                                    addUnlessExcluded(rel, target);
                                }
                            }
                        }
                        case OTHER -> { }
                    }
                }
            } catch (NoSuchFileException | NotDirectoryException e) {
                // removed or replaced while walking: nothing to add
            }
            return found;
        }

        private void addAll(Path dir, String relDir) throws IOException {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String rel = child(relDir, entry);
                    FileStat stat = statNotFollowingLinks(entry);
                    if (stat == null) {
                        continue;
                    }
                    switch (stat.type()) {
                        case DIRECTORY -> {
                            if (!SKIPPED_DIRECTORIES.contains(entry.getFileName().toString()) && !excluded(rel)) {
                                addAll(entry, rel);
                            }
                        }
                        case FILE -> addUnlessExcluded(rel, stat);
                        case SYMLINK -> {
                            FileStat target = statFollowingLinks(entry);
                            if (target != null && target.isFile()) {
                                addUnlessExcluded(rel, target);
                            }
                        }
                        case OTHER -> { }
                    }
                }
            } catch (NoSuchFileException | NotDirectoryException e) {
                // removed or replaced while walking: nothing to add
            }
        }

        private void addUnlessExcluded(String rel, FileStat stat) {
            if (!excluded(rel)) {
                files.put(rel, stat);
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
            if (realRoot == null) {
                realRoot = root.toRealPath();
            }
            Path real = dir.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw new SameException("input is outside the workspace: " + written,
                        List.of("it leads through a symlink to " + real));
            }
        }

        private static String child(String relDir, Path entry) {
            String name = entry.getFileName().toString();
            return relDir.isEmpty() ? name : relDir + "/" + name;
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

        private static FileStat statNotFollowingLinks(Path path) throws IOException {
            try {
                return FileStat.read(path, false);
            } catch (FileSystemException e) {
                if (isAbsent(e)) {
                    return null;
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
