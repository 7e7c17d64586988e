package dev.same.lsp;

import dev.same.protocol.client.UserError;
import dev.same.protocol.client.ConfigFileNames;
import dev.same.protocol.client.RootFinder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which files the server serves, and the root each belongs to. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static boolean isConfig(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.equals(ConfigFileNames.SAMEFILE) || name.equals(ConfigFileNames.WORKFILE);
    }

    static boolean isWorkfile(Path file) {
        return file.getFileName() != null && file.getFileName().toString().equals(ConfigFileNames.WORKFILE);
    }

    static boolean hasSavedConfig(Path root) {
        return Files.isRegularFile(root.resolve(ConfigFileNames.WORKFILE))
                || Files.isRegularFile(root.resolve(ConfigFileNames.SAMEFILE));
    }

    /**
     * The root a config file belongs to: its own directory for a workfile, else the nearest workfile's above it,
     * else its own directory (a standalone project, even one not saved yet).
     */
    static Path rootOf(Path file) {
        Path dir = file.getParent();
        if (isWorkfile(file)) {
            return dir;
        }
        try {
            Path found = RootFinder.find(dir);
            return found.resolve(ConfigFileNames.WORKFILE).toFile().isFile() ? found : dir;
        } catch (UserError e) {
            return dir;
        }
    }
}
