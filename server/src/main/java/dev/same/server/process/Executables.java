package dev.same.server.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a program as a POSIX shell would: a name with a '/' is a path (relative to the working directory), any other
 * name is looked up on PATH, where an empty entry means the working directory. The JDK would search the JVM's own
 * PATH, which for a daemon may be stale and never includes a tool environment, so programs are resolved here.
 */
public final class Executables {
    private Executables() {
    }

    public static Optional<Path> resolve(String command, String path, Path workingDir) {
        try {
            if (command.contains("/")) {
                Path candidate = workingDir.resolve(command).normalize();
                return Files.isExecutable(candidate) ? Optional.of(candidate) : Optional.empty();
            }
            if (path == null) {
                return Optional.empty();
            }
            for (String dir : path.split(File.pathSeparator, -1)) {
                Path candidate = (dir.isEmpty() ? workingDir : workingDir.resolve(dir)).resolve(command);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        } catch (InvalidPathException notAPath) {
            // a name no file can have: not found
        }
        return Optional.empty();
    }
}
