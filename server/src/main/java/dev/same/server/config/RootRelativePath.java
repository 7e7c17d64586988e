package dev.same.server.config;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Rewrites a path written in a config file (relative to a project directory, or absolute) as a
 * normalised, '/'-separated path relative to the workspace root. Purely lexical, so glob patterns
 * pass through unchanged apart from the prefix.
 */
final class RootRelativePath {
    private RootRelativePath() {
    }

    /**
     * @param root       the workspace root (absolute)
     * @param projectDir the base directory relative to the root, '/'-separated, "" for the root
     * @param written    the path as written
     * @return the path relative to the root ("" for the root itself), or empty when it leaves the root
     */
    static Optional<String> resolve(Path root, String projectDir, String written) {
        if (written.startsWith("/")) {
            Path absolute = Path.of(written).normalize();
            if (!absolute.startsWith(root)) {
                return Optional.empty();
            }
            return normalize(root.relativize(absolute).toString().replace('\\', '/'));
        }
        return normalize(projectDir.isEmpty() ? written : projectDir + "/" + written);
    }

    /** True for a pattern rather than a plain path. */
    static boolean isGlob(String path) {
        return path.indexOf('*') >= 0 || path.indexOf('?') >= 0;
    }

    private static Optional<String> normalize(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            switch (segment) {
                case "", "." -> { }
                case ".." -> {
                    if (segments.pollLast() == null) {
                        return Optional.empty();
                    }
                }
                default -> segments.addLast(segment);
            }
        }
        return Optional.of(String.join("/", segments));
    }
}
