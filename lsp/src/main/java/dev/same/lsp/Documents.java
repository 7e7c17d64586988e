package dev.same.lsp;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The documents the editor has open: their text, by real path, and the URI the editor names each by. */
final class Documents {
    private final Map<Path, String> texts = new HashMap<>();
    private final Map<Path, String> uris = new HashMap<>();

    void open(String uri, String text) {
        Path file = path(uri);
        texts.put(file, text);
        uris.put(file, uri);
    }

    void close(String uri) {
        Path file = path(uri);
        texts.remove(file);
        uris.remove(file);
    }

    /** The open text, else the saved file, else nothing. */
    Optional<String> textOrDisk(Path file) {
        String open = texts.get(file);
        if (open != null) {
            return Optional.of(open);
        }
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Every open document under {@code root}. */
    Map<Path, String> under(Path root) {
        Map<Path, String> found = new HashMap<>();
        texts.forEach((file, text) -> {
            if (file.startsWith(root)) {
                found.put(file, text);
            }
        });
        return found;
    }

    /** How the editor names {@code file}: the URI it opened it by, else the file's own. */
    String uri(Path file) {
        return uris.getOrDefault(file, file.toUri().toString());
    }

    /** The real path of a file URI; a file not on disk is named through its directory's real path. */
    static Path path(String uri) {
        Path file = Path.of(URI.create(uri)).toAbsolutePath().normalize();
        try {
            return file.toRealPath();
        } catch (IOException e) {
            Path parent = file.getParent();
            try {
                return parent == null ? file : parent.toRealPath().resolve(file.getFileName());
            } catch (IOException again) {
                return file;
            }
        }
    }
}
