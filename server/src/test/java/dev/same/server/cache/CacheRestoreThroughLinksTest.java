package dev.same.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.server.SameException;
import dev.same.server.hash.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore never writes through a symbolic link to outside the workspace; links inside it are fine. */
class CacheRestoreThroughLinksTest {
    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    private final OutputSnapshot snapshot = new OutputSnapshot();

    private ActionRecord captured(String target, String file) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "output");
        ContentStore store = CacheDirectory.of(root).contentStore();
        return new ActionRecord(ActionRecord.FORMAT, "web:build", Digest.of("h"),
                snapshot.capture(root, List.of(target), store), null, 1, Instant.now(), List.of(), new TreeMap<>(),
                new TreeMap<>());
    }

    private void replaceByLink(String dir, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(root.resolve(dir))) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        Files.createSymbolicLink(root.resolve(dir), target);
    }

    private int restore(ActionRecord record) throws IOException {
        return snapshot.restore(root, record, CacheDirectory.of(root).contentStore());
    }

    @Test
    void aTargetDirectoryReplacedByALinkOutsideIsReplacedNotWrittenThrough() throws IOException {
        ActionRecord record = captured("dist", "dist/app.js");
        replaceByLink("dist", elsewhere);

        restore(record);

        assertTrue(Files.isDirectory(root.resolve("dist"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("output", Files.readString(root.resolve("dist/app.js")));
        assertEmpty(elsewhere);
    }

    @Test
    void aParentOfATargetReplacedByALinkOutsideIsRefusedSayingWhatToDo() throws IOException {
        ActionRecord record = captured("out/dist", "out/dist/app.js");
        replaceByLink("out", elsewhere);

        SameException refused = assertThrows(SameException.class, () -> restore(record));

        assertEquals("cannot restore the cached outputs: out is a symbolic link to " + elsewhere.toRealPath()
                + ", outside the workspace; remove the link, or run with --no-cache to run the task instead",
                refused.getMessage());
        assertEmpty(elsewhere);
    }

    @Test
    void aFileTargetInADirectoryReplacedByALinkOutsideIsRefused() throws IOException {
        ActionRecord record = captured("dist/app.js", "dist/app.js");
        replaceByLink("dist", elsewhere);

        assertThrows(SameException.class, () -> restore(record));

        assertEmpty(elsewhere);
    }

    @Test
    void aLinkThatStaysInsideTheWorkspaceIsWrittenThrough() throws IOException {
        ActionRecord record = captured("out/dist", "out/dist/app.js");
        Files.createDirectories(root.resolve("real-out"));
        replaceByLink("out", root.resolve("real-out"));

        assertEquals(2, restore(record));

        assertEquals("output", Files.readString(root.resolve("real-out/dist/app.js")));
    }

    private static void assertEmpty(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            assertEquals(List.of(), children.toList(), "nothing written outside the workspace");
        }
        assertFalse(Files.exists(dir.resolve("app.js")));
    }
}
