package dev.same.intellij.core.samefile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The root of the workspace a directory belongs to: the nearest same.work.yaml above it, else the nearest same.yaml. */
public final class WorkspaceRoot {
    public static final String WORKFILE = "same.work.yaml";
    public static final String SAMEFILE = "same.yaml";

    private WorkspaceRoot() {
    }

    /** Empty when there is no same configuration at or above {@code start}: the plugin then stays silent. */
    public static Optional<Path> find(Path start) {
        Path standalone = null;
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(WORKFILE))) {
                return Optional.of(real(dir));
            }
            if (standalone == null && Files.isRegularFile(dir.resolve(SAMEFILE))) {
                standalone = dir;
            }
        }
        return Optional.ofNullable(standalone).map(WorkspaceRoot::real);
    }

    /** Whether a file of this name is a same configuration file. */
    public static boolean isConfigFile(String fileName) {
        return SAMEFILE.equals(fileName) || WORKFILE.equals(fileName);
    }

    private static Path real(Path dir) {
        try {
            return dir.toRealPath();
        } catch (java.io.IOException e) {
            return dir;
        }
    }
}
