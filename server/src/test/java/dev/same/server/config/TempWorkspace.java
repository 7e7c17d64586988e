package dev.same.server.config;

import dev.same.server.SameException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Writes config files under a temporary directory and loads them. */
final class TempWorkspace {
    final Path root;

    TempWorkspace(Path root) {
        this.root = root;
    }

    TempWorkspace file(String relative, String content) {
        Path path = root.resolve(relative);
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TempWorkspace dir(String relative) {
        try {
            Files.createDirectories(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A minimal project file in {@code dir}. */
    TempWorkspace project(String dir, String name) {
        return file(dir + "/same.yaml", """
                project: %s
                tasks:
                  build:
                    cmd: [make]
                """.formatted(name));
    }

    Workspace load() {
        return ConfigLoader.load(root);
    }

    SameException loadFails() {
        return assertThrows(SameException.class, this::load);
    }
}
