package dev.same.server.hash;

import dev.same.server.SameException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HashInputDigesterTest {
    @TempDir
    Path root;

    @Test
    void digestsEveryResolvedFileInPathOrder() throws IOException {
        for (int i = 0; i < 500; i++) { // enough for several threads
            Path file = root.resolve("src/d%d/f%03d.txt".formatted(i % 7, i));
            Files.createDirectories(file.getParent());
            Files.writeString(file, "file " + i);
        }
        var digester = new InputDigester(new InputResolver(), 4);
        var digests = new FileDigests();
        List<InputFile> files = digester.digestInputs(root, List.of("src"), digests);
        assertEquals(500, files.size());
        for (InputFile file : files) {
            assertEquals(Digest.ofFile(root.resolve(file.path())), file.digest());
        }
        assertEquals(files.stream().map(InputFile::path).sorted().toList(), files.stream().map(InputFile::path).toList());
        assertEquals(500, digests.size());
    }

    @Test
    void fileDeletedAfterResolvingIsReported() throws IOException {
        Files.writeString(root.resolve("a.txt"), "a");
        var resolved = new InputResolver().resolve(root, List.of("a.txt"));
        Files.delete(root.resolve("a.txt"));
        var e = assertThrows(SameException.class, () -> new InputDigester().digest(root, resolved, new FileDigests()));
        assertEquals("input not found: a.txt", e.getMessage());
    }
}
