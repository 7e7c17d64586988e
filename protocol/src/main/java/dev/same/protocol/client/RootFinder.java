package dev.same.protocol.client;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the root of the configuration for a working directory: the nearest ancestor with a
 * {@code same.work.yaml}, or else the nearest ancestor with a {@code same.yaml}.
 */
public final class RootFinder {
    private RootFinder() {
    }

    /**
     * @return the real path of the root directory
     * @throws UserError when neither file exists in {@code cwd} or any ancestor
     */
    public static Path find(Path cwd) {
        Path start = realOrAbsolute(cwd);
        return nearestContaining(start, ConfigFileNames.WORKFILE)
                .or(() -> nearestContaining(start, ConfigFileNames.SAMEFILE))
                .orElseThrow(() -> notFound(start));
    }

    public static UserError notFound(Path searchedFrom) {
        Path top = searchedFrom.getRoot() != null ? searchedFrom.getRoot() : searchedFrom;
        return new UserError("could not find samefile or workfile", List.of(
                "searched from " + searchedFrom + " up to " + top,
                "create a " + ConfigFileNames.SAMEFILE + " (one project) or a "
                        + ConfigFileNames.WORKFILE + " (a workspace)"));
    }

    private static Optional<Path> nearestContaining(Path start, String fileName) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(fileName))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    // A directory that does not exist (deleted under a running shell) still has ancestors worth searching.
    private static Path realOrAbsolute(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }
}
