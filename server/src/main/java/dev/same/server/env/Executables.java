package dev.same.server.env;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program on a PATH, as a shell would. */
final class Executables {
    private Executables() {
    }

    static Optional<Path> onPath(String name, String path) {
        if (name.contains("/")) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (InvalidPathException e) {
                // not a directory name: skip it
            }
        }
        return Optional.empty();
    }
}
