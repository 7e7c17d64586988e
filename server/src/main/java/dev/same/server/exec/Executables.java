package dev.same.server.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a command on the task's PATH. The JDK would search the JVM's own PATH, which for a daemon may be
 * stale and never includes the tool environment, so argv[0] is resolved here.
 */
final class Executables {
    private Executables() {
    }

    static Optional<Path> resolve(String command, String path, Path workingDir) {
        if (command.contains("/")) {
            Path candidate = workingDir.resolve(command);
            return Files.isExecutable(candidate) ? Optional.of(candidate) : Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path base = dir.isEmpty() ? workingDir : workingDir.resolve(dir);
            Path candidate = base.resolve(command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
