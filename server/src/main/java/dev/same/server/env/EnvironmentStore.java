package dev.same.server.env;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.same.server.cache.AtomicFiles;
import dev.same.server.hash.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Resolved environments on disk, {@code .same/tools/env/<identity>.json}, by the hash of what determines them, so
 * a new process (the next CLI, a restarted daemon) does not resolve them again. Written atomically; an entry that
 * cannot be read counts as absent. {@code same clean --tools} removes them.
 */
public final class EnvironmentStore {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The stored form; {@code source} says where the variables came from, for people reading the file. */
    record Entry(int format, String identity, String source, SortedMap<String, String> variables) {
    }

    private final Path dir;

    EnvironmentStore(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Optional<SortedMap<String, String>> load(String identity) {
        if (!Digest.isValid(identity)) {
            return Optional.empty();
        }
        try {
            Entry entry = JSON.readValue(Files.readAllBytes(file(identity)), Entry.class);
            if (entry.format() != FORMAT || !identity.equals(entry.identity()) || entry.variables() == null) {
                return Optional.empty();
            }
            return Optional.of(new TreeMap<>(entry.variables()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged: resolve again
        }
    }

    void save(String identity, String source, SortedMap<String, String> variables) {
        try {
            AtomicFiles.write(file(identity), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new Entry(FORMAT, identity, source, variables)));
        } catch (IOException e) {
            // only a speed-up for the next process; the environment itself is resolved
        }
    }

    private Path file(String identity) {
        return dir.resolve(identity + ".json");
    }
}
