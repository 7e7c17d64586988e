package dev.same.server.cache;

import dev.same.server.hash.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheContentStoreTest {
    @TempDir
    Path dir;

    private ContentStore store() {
        return new ContentStore(dir.resolve("cas"));
    }

    @Test
    void putFileAndReadBack() throws IOException {
        Path file = Files.writeString(dir.resolve("in.txt"), "hello\n");
        ContentStore store = store();
        String digest = store.put(file);
        assertEquals("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", digest);
        assertTrue(store.contains(digest));
        assertEquals(dir.resolve("cas/58/" + digest), store.blobPath(digest));
        assertEquals("hello\n", new String(store.read(digest)));
        assertEquals(digest, store.put(file), "second put is a no-op");
        assertEquals(List.of(store.blobPath(digest)), files(dir.resolve("cas")));
    }

    @Test
    void putBytes() throws IOException {
        ContentStore store = store();
        String digest = store.put("log output".getBytes());
        assertEquals(Digest.of("log output"), digest);
        assertArrayEquals("log output".getBytes(), store.read(digest));
        assertFalse(store.contains(Digest.of("other")));
        assertThrows(NoSuchFileException.class, () -> store.read(Digest.of("other")));
    }

    @Test
    void rejectsDigestsThatAreNotDigests() {
        assertThrows(IllegalArgumentException.class, () -> store().contains("../../etc/passwd"));
    }

    @Test
    void materializeCreatesParentsAndSetsTheExecuteBit() throws IOException {
        ContentStore store = store();
        String digest = store.put("#!/bin/sh\necho hi\n".getBytes());
        Path dest = dir.resolve("out/bin/run.sh");
        store.materialize(digest, dest, true);
        assertEquals("#!/bin/sh\necho hi\n", Files.readString(dest));
        assertTrue(Files.getPosixFilePermissions(dest).contains(PosixFilePermission.OWNER_EXECUTE));

        store.materialize(digest, dest, false);
        assertFalse(Files.getPosixFilePermissions(dest).contains(PosixFilePermission.OWNER_EXECUTE));
        assertEquals(List.of(dest), files(dir.resolve("out")), "no temp file left");
    }

    @Test
    void corruptBlobIsDetectedAndRemoved() throws IOException {
        ContentStore store = store();
        String digest = store.put("good".getBytes());
        Files.writeString(store.blobPath(digest), "evil");
        Path dest = dir.resolve("out.txt");
        assertThrows(IOException.class, () -> store.materialize(digest, dest, false));
        assertFalse(Files.exists(dest));
        assertFalse(store.contains(digest));
        assertEquals(List.of(), files(dir.resolve("out.txt").getParent()).stream().filter(p -> p.toString().contains("tmp")).toList());
    }

    @Test
    void aTamperedBlobIsNeverReadButRemoved() throws IOException {
        ContentStore store = store();
        String digest = store.put("the task's log\n".getBytes());
        Files.writeString(store.blobPath(digest), "forged log\n");
        IOException error = assertThrows(IOException.class, () -> store.read(digest));
        assertTrue(error.getMessage().startsWith("corrupt cache blob " + digest), error.getMessage());
        assertFalse(store.contains(digest));
    }

    @Test
    void aBlobOpenedVerifiedStreamsAllOfItFromItsStartEvenIfRemovedMeanwhile() throws IOException {
        ContentStore store = store();
        byte[] log = new byte[3 << 20]; // larger than any buffer on the way
        new Random(7).nextBytes(log);
        String digest = store.put(log);
        try (var in = store.openVerified(digest)) {
            Files.delete(store.blobPath(digest)); // as a concurrent 'same clean' would
            assertArrayEquals(log, in.readAllBytes());
        }
    }

    @Test
    void aTamperedBlobIsNeverOpenedButRemoved() throws IOException {
        ContentStore store = store();
        String digest = store.put("the task's log\n".getBytes());
        Files.writeString(store.blobPath(digest), "forged log\n");
        IOException error = assertThrows(IOException.class, () -> store.openVerified(digest));
        assertTrue(error.getMessage().startsWith("corrupt cache blob " + digest), error.getMessage());
        assertFalse(store.contains(digest));
        assertThrows(NoSuchFileException.class, () -> store.openVerified(digest));
    }

    @Test
    void failedWriteLeavesNoTempFile() throws IOException {
        ContentStore store = store();
        Files.createDirectories(dir.resolve("cas"));
        Path unreadable = Files.createDirectories(dir.resolve("a-directory"));
        assertThrows(IOException.class, () -> store.put(unreadable)); // fails after the temp file was opened
        assertEquals(List.of(), files(dir.resolve("cas")));
    }

    @Test
    void concurrentPutsOfTheSameContent() throws Exception {
        ContentStore store = store();
        byte[] content = new byte[1 << 20];
        new Random(1).nextBytes(content);
        Path file = Files.write(dir.resolve("big"), content);
        try (var executor = Executors.newFixedThreadPool(4)) {
            var tasks = new ArrayList<Callable<String>>();
            for (int i = 0; i < 8; i++) {
                tasks.add(i % 2 == 0 ? () -> store.put(file) : () -> store.put(content));
            }
            for (var future : executor.invokeAll(tasks)) {
                assertEquals(Digest.of(content), future.get());
            }
        }
        assertEquals(List.of(store.blobPath(Digest.of(content))), files(dir.resolve("cas")));
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
