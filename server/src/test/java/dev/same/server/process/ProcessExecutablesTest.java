package dev.same.server.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessExecutablesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void programs() throws IOException {
        for (String name : new String[] {"bin/tool", "here"}) {
            Path program = dir.resolve(name);
            Files.createDirectories(program.getParent());
            Files.writeString(program, "#!/bin/sh\n");
            Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(dir.resolve("bin/plain"), "not executable");
    }

    @Test
    void findsANameOnThePathInOrder() {
        assertEquals(Optional.of(dir.resolve("bin/tool")), Executables.resolve("tool", "/nonexistent:bin", dir));
        assertEquals(Optional.empty(), Executables.resolve("plain", "bin", dir), "not executable");
        assertEquals(Optional.empty(), Executables.resolve("tool", null, dir));
    }

    @Test
    void anEmptyPathEntryIsTheWorkingDirectoryAsInAShell() {
        assertEquals(Optional.of(dir.resolve("here")), Executables.resolve("here", "/nonexistent::", dir));
        assertEquals(Optional.empty(), Executables.resolve("here", "/nonexistent", dir));
    }

    @Test
    void aNameWithASlashIsAPathFromTheWorkingDirectory() {
        assertEquals(Optional.of(dir.resolve("bin/tool")), Executables.resolve("./bin/tool", "", dir));
        assertEquals(Optional.empty(), Executables.resolve("bin/plain", "", dir));
    }

    @Test
    void aNameNoFileCanHaveIsNotFound() {
        assertEquals(Optional.empty(), Executables.resolve("to\0ol", "bin", dir));
    }
}
