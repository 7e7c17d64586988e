package dev.same.protocol.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code .same/daemon/daemon.json}: how to reach the running daemon and what it is, for people and tools.
 * Informational only: liveness is decided by the lock ({@link DaemonLock}), never by this file.
 */
public record DiscoveryFile(long pid, String version, String socket, String root, long startedAtMillis) {
    public static final String NAME = "daemon.json";

    /** Written atomically, for the user alone. */
    public void write(Path stateDirectory) throws IOException {
        Path target = stateDirectory.resolve(NAME);
        Path temp = stateDirectory.resolve(NAME + "." + pid + ".tmp");
        PrivateFiles.write(temp, Json.write(this));
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static Optional<DiscoveryFile> read(Path stateDirectory) {
        try {
            return Optional.of(Json.bind(Json.parse(Files.readAllBytes(stateDirectory.resolve(NAME))),
                    DiscoveryFile.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
