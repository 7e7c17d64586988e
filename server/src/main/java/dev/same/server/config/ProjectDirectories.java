package dev.same.server.config;

import dev.same.server.SameException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Expands the {@code projects} patterns of a workfile into directories. A pattern is matched one
 * path segment at a time, so {@code *} never crosses a '/'. Hidden directories are matched only by a
 * segment that itself starts with '.', as in a shell.
 */
final class ProjectDirectories {
    private ProjectDirectories() {
    }

    /** @return matching directories relative to the workspace root, '/'-separated ("" for the root), sorted */
    static List<String> find(Workfile workfile, List<String> warnings) {
        Set<String> found = new TreeSet<>();
        for (Workfile.ProjectPattern pattern : workfile.projectPatterns()) {
            Set<String> matches = match(workfile, pattern);
            if (matches.isEmpty()) {
                warnings.add(workfile.file().name() + ":" + pattern.line() + ": no directory matches project pattern '"
                        + pattern.pattern() + "'");
            }
            found.addAll(matches);
        }
        return List.copyOf(found);
    }

    private static Set<String> match(Workfile workfile, Workfile.ProjectPattern pattern) {
        Path root = workfile.root();
        String normalized = RootRelativePath.resolve(root, "", pattern.pattern())
                .orElseThrow(() -> new SameException("project path is outside workspace root: '" + pattern.pattern() + "'",
                        List.of(workfile.file().at(pattern.line()))));
        Set<String> current = new TreeSet<>(Set.of(""));
        if (normalized.isEmpty()) {
            return current;
        }
        for (String segment : normalized.split("/")) {
            Set<String> next = new TreeSet<>();
            for (String dir : current) {
                if (isPattern(segment)) {
                    next.addAll(matchingChildren(root, dir, segment, workfile, pattern));
                } else if (Files.isDirectory(root.resolve(join(dir, segment)))) {
                    next.add(join(dir, segment));
                }
            }
            current = next;
        }
        return current;
    }

    private static Set<String> matchingChildren(Path root, String dir, String segment,
                                                Workfile workfile, Workfile.ProjectPattern pattern) {
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + segment);
        } catch (PatternSyntaxException e) {
            throw new SameException("syntax error in project pattern '" + pattern.pattern() + "': " + e.getDescription(),
                    List.of(workfile.file().at(pattern.line())));
        }
        boolean includeHidden = segment.startsWith(".");
        try (Stream<Path> children = Files.list(root.resolve(dir))) {
            return children
                    .filter(Files::isDirectory)
                    .map(Path::getFileName)
                    .filter(name -> includeHidden || !name.toString().startsWith("."))
                    .filter(matcher::matches)
                    .map(name -> join(dir, name.toString()))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        } catch (IOException e) {
            throw new SameException("cannot list " + (dir.isEmpty() ? "." : dir) + ": " + IoMessages.describe(e),
                    List.of(workfile.file().at(pattern.line())));
        } catch (UncheckedIOException e) {
            throw new SameException("cannot list " + (dir.isEmpty() ? "." : dir) + ": " + IoMessages.describe(e.getCause()),
                    List.of(workfile.file().at(pattern.line())));
        }
    }

    private static boolean isPattern(String segment) {
        return segment.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }
}
