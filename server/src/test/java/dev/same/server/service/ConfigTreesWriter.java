package dev.same.server.service;

import dev.same.protocol.StatusParams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A process that keeps editing one project file of a workspace and asking a real engine for the status, so that the
 * engine keeps writing its parsed configuration, for {@link ConfigTreesKillTest} to kill with {@code -9} at any
 * moment: {@code ConfigTreesWriter ROOT}.
 */
public final class ConfigTreesWriter {
    private ConfigTreesWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        try (WorkspaceEngine engine = new WorkspaceEngine(root)) {
            System.out.println("writing");
            System.out.flush();
            Path file = root.resolve("packages/p0/same.yaml");
            Path temp = file.resolveSibling("same.yaml.tmp");
            for (long edit = 0; ; edit++) {
                // replaced whole, as an editor saves: a kill between a truncation and its write would leave the
                // project file empty, and the test is about the engine's file, not this one
                Files.writeString(temp, ConfigTreesKillTest.projectFile(0, edit));
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                engine.status(new StatusParams(List.of(), root.toString(), false));
            }
        }
    }
}
