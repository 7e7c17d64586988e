package dev.same.intellij.core.samefile;

import java.nio.file.Path;
import java.util.Optional;

/** A same configuration file of the workspace, named as the daemon names it: relative to the root, with '/'. */
public final class ConfigFile {
    private ConfigFile() {
    }

    /** Empty unless {@code file} is a same.yaml or same.work.yaml inside {@code root}. */
    public static Optional<String> relativePath(Path root, Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        if (normalized.getFileName() == null || !WorkspaceRoot.isConfigFile(normalized.getFileName().toString())
                || !normalized.startsWith(root)) {
            return Optional.empty();
        }
        return Optional.of(root.relativize(normalized).toString().replace('\\', '/'));
    }
}
