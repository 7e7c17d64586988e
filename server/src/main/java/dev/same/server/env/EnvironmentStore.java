package dev.same.server.env;

import dev.same.server.cache.AtomicFiles;
import dev.same.server.cache.JsonStreams;
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
            Entry entry = read(Files.readAllBytes(file(identity)));
            if (entry == null || entry.format() != FORMAT || !identity.equals(entry.identity()) || entry.variables() == null) {
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
            AtomicFiles.write(file(identity), write(new Entry(FORMAT, identity, source, variables)));
        } catch (IOException e) {
            // only a speed-up for the next process; the environment itself is resolved
        }
    }

    /** Pretty-printed, for people reading the file; with Jackson's streaming API (see {@link JsonStreams}). */
    static byte[] write(Entry entry) {
        return JsonStreams.write(json -> {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("format", entry.format());
            json.writeStringField("identity", entry.identity());
            json.writeStringField("source", entry.source());
            JsonStreams.writeStringMap(json, "variables", entry.variables());
            json.writeEndObject();
        });
    }

    static Entry read(byte[] bytes) throws IOException {
        return JsonStreams.read(bytes, json -> {
            var fields = new Object() {
                long format;
                String identity;
                String source;
                SortedMap<String, String> variables;
            };
            boolean present = JsonStreams.object(json, name -> {
                switch (name) {
                    case "format" -> fields.format = JsonStreams.number(json);
                    case "identity" -> fields.identity = JsonStreams.string(json);
                    case "source" -> fields.source = JsonStreams.string(json);
                    case "variables" -> fields.variables = JsonStreams.stringMap(json);
                    default -> JsonStreams.skip(json);
                }
            });
            return present ? new Entry(fields.format == FORMAT ? FORMAT : -1, fields.identity, fields.source,
                    fields.variables) : null;
        });
    }

    private Path file(String identity) {
        return dir.resolve(identity + ".json");
    }
}
