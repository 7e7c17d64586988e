package dev.same.server.hash;

import dev.same.server.SameException;
import dev.same.server.config.Rebuild;
import dev.same.server.config.TaskDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
    void taskHashFollowsContentNotTimestamps() throws IOException {
        Path file = root.resolve("src/main.c");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "int main() {}");
        var task = new TaskDef("app:build", "app", "build", List.of("cc", "src/main.c"),
                List.of("src"), List.of("a.out"), List.of(), List.of(), new TreeMap<>(), "",
                Rebuild.ON_CHANGE, null);
        var digester = new InputDigester();
        var hasher = new TaskHasher();
        var digests = new FileDigests();
        String before = hash(hasher, task, digester.digestInputs(root, task.inputs(), digests));

        Files.setLastModifiedTime(file, FileTime.fromMillis(0)); // touched, same content
        assertEquals(before, hash(hasher, task, digester.digestInputs(root, task.inputs(), digests)));
        assertEquals(before, hash(hasher, task, digester.digestInputs(root, task.inputs(), new FileDigests())));

        Files.writeString(file, "int main() { return 1; }");
        String after = hash(hasher, task, digester.digestInputs(root, task.inputs(), digests));
        assertNotEquals(before, after);
    }

    private static String hash(TaskHasher hasher, TaskDef task, List<InputFile> inputs) {
        return hasher.hash(task, inputs, "", "x86_64-linux", new TreeMap<>());
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
