package dev.same.server.cache.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.server.cache.ActionRecord;
import dev.same.server.cache.ContentStore;
import dev.same.server.cache.OutputEntry;
import dev.same.server.config.Rebuild;
import dev.same.server.config.SourceLocation;
import dev.same.server.config.TaskDef;
import dev.same.server.hash.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteRecordTest {
    private static final String HASH = Digest.of("task");
    private static final String BLOB = Digest.of("content");
    private static final TaskDef TASK = new TaskDef("lib:build", "lib", "build", List.of("make"), List.of(),
            List.of("lib/out"), List.of(), List.of(), new TreeMap<>(), "lib", Rebuild.ON_CHANGE,
            new SourceLocation(Path.of("lib/same.yaml"), 3));

    @Test
    void aWellFormedRecordBecomesTheLocalOne() throws Exception {
        ActionRecord record = parse(record("""
                {"path": "lib/out", "type": "directory"},
                {"path": "lib/out/tool", "type": "file", "mode": "0755", "digest": "%1$s", "size": 7},
                {"path": "lib/out/link", "type": "symlink", "target": "tool"}""".formatted(BLOB)))
                .toActionRecord(TASK, HASH);
        assertEquals(List.of(OutputEntry.directory("lib/out"), OutputEntry.file("lib/out/tool", BLOB, true),
                OutputEntry.symlink("lib/out/link", "tool")), record.outputs());
        assertEquals(BLOB, record.logDigest());
    }

    @Test
    void aPathOutsideTheTasksTargetsIsRefused() {
        RefusedContent refused = assertThrows(RefusedContent.class, () -> parse(record("""
                {"path": "lib/src/main.c", "type": "file", "mode": "0644", "digest": "%s", "size": 7}"""
                .formatted(BLOB))).toActionRecord(TASK, HASH));
        assertEquals("the record names 'lib/src/main.c', outside the task's targets", refused.getMessage());
    }

    @Test
    void aPathEscapingTheWorkspaceIsRefused() {
        for (String path : List.of("lib/out/../../../etc/passwd", "/etc/passwd", "lib/out/./x", "lib/out//x")) {
            assertThrows(RefusedContent.class, () -> parse(record("""
                    {"path": "%s", "type": "file", "mode": "0644", "digest": "%s", "size": 7}"""
                    .formatted(path, BLOB))).toActionRecord(TASK, HASH), path);
        }
    }

    @Test
    void aLinkLeadingOutOfTheWorkspaceIsRefused() {
        for (String target : List.of("/etc", "../../../..", "../../..")) {
            RefusedContent refused = assertThrows(RefusedContent.class, () -> parse(record("""
                    {"path": "lib/out/link", "type": "symlink", "target": "%s"}""".formatted(target)))
                    .toActionRecord(TASK, HASH), target);
            assertTrue(refused.getMessage().endsWith(", outside the workspace"), refused.getMessage());
        }
    }

    @Test
    void aBlobLargerThanTheBoundIsRefusedBeforeAnythingIsFetched() {
        RefusedContent refused = assertThrows(RefusedContent.class, () -> parse(record("""
                {"path": "lib/out/big", "type": "file", "mode": "0644", "digest": "%s", "size": %d}"""
                .formatted(BLOB, RemoteRecord.MAX_BLOB_BYTES + 1))).toActionRecord(TASK, HASH));
        assertTrue(refused.getMessage().contains("more than the"), refused.getMessage());
    }

    @Test
    void aRecordOfAnotherTaskOrHashIsRefused() {
        RemoteRecord record = parse(record(""));
        assertThrows(RefusedContent.class, () -> record.toActionRecord(TASK, Digest.of("other")));
    }

    @Test
    void garbageIsRefused() {
        assertThrows(RefusedContent.class, () -> RemoteRecord.parse("<html>".getBytes(StandardCharsets.UTF_8)));
        assertThrows(RefusedContent.class, () -> RemoteRecord.parse("{\"format\": \"same-remote-record/1\"}"
                .getBytes(StandardCharsets.UTF_8)).toActionRecord(TASK, HASH));
    }

    @Test
    void smallBlobsTravelInsideTheRecordWithinTheirBoundsAndAreCheckedWhenRead(@TempDir Path dir) throws Exception {
        ContentStore store = new ContentStore(dir);
        String small = store.put("small\n".getBytes(StandardCharsets.UTF_8));
        String large = store.put(new byte[(int) RemoteRecord.INLINE_BLOB_BYTES + 1]);
        String log = store.put("log\n".getBytes(StandardCharsets.UTF_8));
        ActionRecord local = new ActionRecord(ActionRecord.FORMAT, "lib:build", HASH, List.of(
                OutputEntry.file("lib/out/small", small, false), OutputEntry.file("lib/out/large", large, false)),
                log, 5, Instant.now(), List.of(), new TreeMap<>(), new TreeMap<>());

        RemoteRecord remote = RemoteRecord.parse(RemoteRecord.of(local, store).toJson());

        assertEquals(java.util.Set.of(small, log), remote.inline().keySet(), "the large blob is fetched from cas/");
        RemoteRecord.Blob smallBlob = new RemoteRecord.Blob(small, 6);
        assertEquals("small\n", new String(remote.inlined(smallBlob).orElseThrow(), StandardCharsets.UTF_8));
        assertTrue(remote.inlined(new RemoteRecord.Blob(large, RemoteRecord.INLINE_BLOB_BYTES + 1)).isEmpty());
        RefusedContent refused = assertThrows(RefusedContent.class, () -> remote.inlined(new RemoteRecord.Blob(small, 7)));
        assertEquals("blob " + small + " inline in the record does not match its digest and size", refused.getMessage());

        var swapped = new TreeMap<>(remote.inline());
        swapped.put(small, swapped.get(log)); // another blob's bytes under this digest
        RemoteRecord tampered = new RemoteRecord(remote.format(), remote.task(), remote.hash(), remote.outputs(),
                remote.log(), remote.durationMillis(), remote.inputs(), remote.dependencyHashes(),
                remote.environment(), swapped);
        assertThrows(RefusedContent.class, () -> tampered.inlined(new RemoteRecord.Blob(small, 4)));
    }

    @Test
    void inlineCopiesStopAtTheirTotalBound(@TempDir Path dir) throws Exception {
        ContentStore store = new ContentStore(dir);
        List<OutputEntry> outputs = new java.util.ArrayList<>();
        int blobs = (int) (RemoteRecord.INLINE_TOTAL_BYTES / RemoteRecord.INLINE_BLOB_BYTES) + 3;
        for (int i = 0; i < blobs; i++) {
            byte[] content = new byte[(int) RemoteRecord.INLINE_BLOB_BYTES];
            content[0] = (byte) i;
            outputs.add(OutputEntry.file("lib/out/f" + i, store.put(content), false));
        }
        ActionRecord local = new ActionRecord(ActionRecord.FORMAT, "lib:build", HASH, outputs, null, 5,
                Instant.now(), List.of(), new TreeMap<>(), new TreeMap<>());

        RemoteRecord remote = RemoteRecord.of(local, store);

        assertEquals(RemoteRecord.INLINE_TOTAL_BYTES / RemoteRecord.INLINE_BLOB_BYTES, remote.inline().size());
    }

    @Test
    void theKeyIsDerivedFromTheHashNotTheHashItself() {
        assertTrue(Digest.isValid(RemoteRecord.key(HASH)));
        assertTrue(!RemoteRecord.key(HASH).equals(HASH));
    }

    private static RemoteRecord parse(String json) {
        try {
            return RemoteRecord.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (RefusedContent e) {
            throw new AssertionError(e);
        }
    }

    private static String record(String outputs) {
        return """
                {"format": "same-remote-record/1", "task": "lib:build", "hash": "%s", "outputs": [%s],
                 "log": {"digest": "%s", "size": 7}, "durationMillis": 5, "inputs": [],
                 "dependencyHashes": {}, "environment": {}}""".formatted(HASH, outputs, BLOB);
    }
}
