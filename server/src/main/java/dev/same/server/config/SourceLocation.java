package dev.same.server.config;

import java.nio.file.Path;

/** A place in a config file; line is 1-based, 0 when unknown. */
public record SourceLocation(Path file, int line) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file.toString();
    }
}
