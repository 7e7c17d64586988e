package dev.same.server.cache;

import dev.same.server.hash.Digest;
import dev.same.server.hash.InputFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheActionCacheTest {
    @TempDir
    Path root;

    private CacheDirectory cache;
    private ContentStore store;
    private ActionCache actions;

    @BeforeEach
    void setUp() {
        cache = CacheDirectory.of(root);
        store = cache.contentStore();
        actions = cache.actionCache();
    }

    private ActionRecord record(String taskId, String state) throws IOException {
        String hash = Digest.of(taskId + "@" + state);
        String out = store.put(("output " + state).getBytes());
        String log = store.put(("log " + state).getBytes());
        return new ActionRecord(ActionRecord.FORMAT, taskId, hash,
                List.of(OutputEntry.directory("dist"), OutputEntry.file("dist/app.js", out, false),
                        OutputEntry.symlink("dist/latest", "app.js")),
                log, 1234, Instant.parse("2026-01-02T03:04:05.123456789Z"),
                List.of(new InputFile("src/ü b.js", Digest.of(state))),
                new TreeMap<>(Map.of("lib:build", Digest.of("lib"))),
                new TreeMap<>(Map.of("NODE_ENV", "production")));
    }

    @Test
    void storeAndLookUp() throws IOException {
        ActionRecord record = record("web:build", "a");
        actions.store(record);
        assertEquals(Optional.of(record), actions.lookup(record.hash()));
        assertEquals(Optional.empty(), actions.lookup(Digest.of("unknown")));
        assertTrue(Files.exists(root.resolve(".same/cache/actions/" + record.hash().substring(0, 2) + "/" + record.hash() + ".json")));
    }

    @Test
    void oneTaskHasManyEntriesAndReturningToAnEarlierStateIsAHit() throws IOException {
        ActionRecord a = record("web:build", "a");
        ActionRecord b = record("web:build", "b");
        actions.store(a);
        actions.store(b);
        assertEquals(Optional.of(b), actions.lastSuccessful("web:build"));
        assertEquals(Optional.of(a), actions.lookup(a.hash()));
        assertEquals(Optional.of(b), actions.lookup(b.hash()));
        actions.store(a);
        assertEquals(Optional.of(a), actions.lastSuccessful("web:build"));
        assertEquals(Optional.empty(), actions.lastSuccessful("web:test"));
    }

    @Test
    void taskIdsDoNotCollideAsFileNames() throws IOException {
        ActionRecord colon = record("a:b", "x");
        ActionRecord underscore = record("a_b", "y");
        actions.store(colon);
        actions.store(underscore);
        assertEquals(Optional.of(colon), actions.lastSuccessful("a:b"));
        assertEquals(Optional.of(underscore), actions.lastSuccessful("a_b"));
        assertEquals("a%3Ab", ActionCache.fileName("a:b"));
        assertEquals("%2E%2E%2Fx", ActionCache.fileName("../x"));
    }

    @Test
    void corruptRecordIsAMissAndIsRemoved() throws IOException {
        // read as another process (or a restarted daemon) reads it: this instance remembers what it wrote
        ActionRecord record = record("web:build", "a");
        actions.store(record);
        Path file = actions.recordPath(record.hash());

        Files.writeString(file, "{ not json");
        assertEquals(Optional.empty(), fresh().lookup(record.hash()));
        assertFalse(Files.exists(file));

        actions.store(record);
        Files.writeString(file, Files.readString(file).replace(record.hash(), Digest.of("other")));
        assertEquals(Optional.empty(), fresh().lookup(record.hash()), "a record under the wrong name");

        actions.store(record);
        Files.writeString(file, Files.readString(file).replace("\"format\":1", "\"format\":99"));
        assertEquals(Optional.empty(), fresh().lookup(record.hash()), "another format");

        actions.store(record);
        Files.writeString(file, Files.readString(file).replace("\"path\":\"dist/app.js\"", "\"path\":\"../../etc/passwd\""));
        assertEquals(Optional.empty(), fresh().lookup(record.hash()), "an output outside the root");

        actions.store(record);
        Files.write(file, new byte[0]);
        assertEquals(Optional.empty(), fresh().lookup(record.hash()));
        assertEquals(Optional.empty(), fresh().lastSuccessful("web:build"));
    }

    private ActionCache fresh() {
        return CacheDirectory.of(root).actionCache();
    }

    @Test
    void aRememberedRecordIsServedWhileItsFileExistsAndForgottenWhenItIsGone() throws IOException {
        ActionRecord record = record("web:build", "a");
        actions.store(record);
        Path file = actions.recordPath(record.hash());
        Files.writeString(file, "{ damaged after it was written }");

        assertEquals(Optional.of(record), actions.lookup(record.hash()), "what this cache wrote is what it knows");

        Files.delete(file);
        assertEquals(Optional.empty(), actions.lookup(record.hash()), "cleaned by another process: a miss");
        assertEquals(Optional.empty(), actions.lookup(record.hash()));
    }

    @Test
    void aRecordReadOnceIsRememberedByTheReader() throws IOException {
        ActionRecord record = record("web:build", "a");
        actions.store(record);
        ActionCache reader = fresh();
        assertEquals(Optional.of(record), reader.lookup(record.hash()));

        Files.writeString(actions.recordPath(record.hash()), "{ damaged later }");

        assertEquals(Optional.of(record), reader.lookup(record.hash()));
        assertEquals(Optional.empty(), fresh().lookup(record.hash()));
    }

    @Test
    void refusesARecordWhoseContentIsMissing() throws IOException {
        ActionRecord record = record("web:build", "a");
        String missing = record.outputs().get(1).digest();
        Files.delete(store.blobPath(missing));
        var e = assertThrows(IllegalStateException.class, () -> actions.store(record));
        assertTrue(e.getMessage().contains(missing));
        assertEquals(Optional.empty(), actions.lookup(record.hash()));
        assertEquals(List.of(missing), actions.missingContent(record));
    }

    @Test
    void concurrentWritersOfTheSameRecordLeaveOneValidRecord() throws Exception {
        ActionRecord record = record("web:build", "a");
        try (var executor = Executors.newFixedThreadPool(4)) {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < 16; i++) {
                futures.add(executor.submit(() -> {
                    actions.store(record);
                    return actions.lookup(record.hash()).orElseThrow();
                }));
            }
            for (var future : futures) {
                assertEquals(record, future.get());
            }
        }
        try (var files = Files.walk(root.resolve(".same/cache"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX)));
        }
    }

    @Test
    void recordWithoutLogIsFine() throws IOException {
        ActionRecord full = record("web:build", "a");
        ActionRecord record = new ActionRecord(full.format(), full.taskId(), full.hash(), List.of(), null, 0,
                full.finishedAt(), List.of(), new TreeMap<>(), new TreeMap<>());
        actions.store(record);
        assertEquals(Optional.of(record), actions.lookup(record.hash()));
    }

    @Test
    void cleanRemovesWhatItSays() throws IOException {
        actions.store(record("web:build", "a"));
        Files.createDirectories(cache.toolsDir().resolve("go/pkg/mod/x@v1"));
        Files.writeString(cache.toolsDir().resolve("go/pkg/mod/x@v1/go.mod"), "module x\n");
        Files.setPosixFilePermissions(cache.toolsDir().resolve("go/pkg/mod/x@v1"),
                PosixFilePermissions.fromString("r-xr-xr-x"));

        CacheDirectory.Removed removedCache = cache.clean(true, false);
        assertEquals(4, removedCache.files()); // two blobs, a record, a last pointer
        assertTrue(removedCache.bytes() > 0);
        assertFalse(Files.exists(cache.cacheDir()));
        assertTrue(Files.exists(cache.toolsDir()));
        assertEquals(CacheDirectory.Removed.NOTHING, cache.clean(true, false));

        CacheDirectory.Removed removedTools = cache.clean(false, true);
        assertEquals(new CacheDirectory.Removed(1, 9), removedTools);
        assertFalse(Files.exists(cache.toolsDir()));
        assertEquals(CacheDirectory.Removed.NOTHING, cache.clean(true, true));
    }
}
