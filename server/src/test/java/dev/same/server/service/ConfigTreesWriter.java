package dev.same.server.service;

import dev.same.protocol.StatusParams;

import java.nio.file.Files;
import java.nio.file.Path;
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
            for (long edit = 0; ; edit++) {
                Files.writeString(root.resolve("packages/p0/same.yaml"), ConfigTreesKillTest.projectFile(0, edit));
                engine.status(new StatusParams(List.of(), root.toString(), false));
            }
        }
    }
}
