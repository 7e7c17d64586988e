package dev.same.server.env.nix;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.same.server.cache.AtomicFiles;
import dev.same.server.hash.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Resolutions of tool versions on disk ({@code .same/cache/nixhub/<sha256 of package@version>.json}), so a version
 * is resolved once and then used without the network. Written atomically; a damaged entry counts as absent.
 */
public final class NixResolutionCache {
    /** Made at first use: every engine makes this cache, and most workspaces never read it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** The stored form. */
    record Entry(String pkg, String version, SortedMap<String, NixPackage> systems) {
    }

    private final Path dir;

    public NixResolutionCache(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Optional<SortedMap<String, NixPackage>> load(ToolSpec spec) {
        try {
            Entry entry = Json.MAPPER.readValue(Files.readAllBytes(file(spec)), Entry.class);
            if (entry.systems() == null || !spec.pkg().equals(entry.pkg()) || !spec.version().equals(entry.version())) {
                return Optional.empty();
            }
            return Optional.of(new TreeMap<>(entry.systems()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged: resolve again
        }
    }

    void store(ToolSpec spec, Map<String, NixPackage> systems) {
        try {
            AtomicFiles.write(file(spec), Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new Entry(spec.pkg(), spec.version(), new TreeMap<>(systems))));
        } catch (IOException e) {
            // only a speed-up (and the offline fallback); the resolution itself succeeded
        }
    }

    private Path file(ToolSpec spec) {
        return dir.resolve(Digest.of(spec.toString()) + ".json");
    }
}
