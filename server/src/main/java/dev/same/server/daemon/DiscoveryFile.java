package dev.same.server.daemon;

import dev.same.server.cache.PrivateFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code .same/daemon/daemon.json}: how to reach the running daemon and what it is, for people and tools.
 * Informational only: liveness is decided by the lock, never by this file.
 */
public record DiscoveryFile(long pid, String version, String socket, String root, long startedAtMillis) {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    public static final String NAME = "daemon.json";

    void write(Path stateDirectory) throws IOException {
        Path target = stateDirectory.resolve(NAME);
        Path temp = stateDirectory.resolve(NAME + "." + pid + ".tmp");
        PrivateFiles.write(temp, JSON.writeValueAsBytes(this));
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static Optional<DiscoveryFile> read(Path stateDirectory) {
        try {
            return Optional.of(JSON.readValue(stateDirectory.resolve(NAME).toFile(), DiscoveryFile.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
