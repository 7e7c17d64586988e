package dev.same.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.server.hash.FileDigests;
import dev.same.server.watch.ManualTimer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's digest memory reaches {@code .same/cache/file-digests} after its first indexing, every
 * {@link WorkspaceEngine#DIGESTS_SAVED_EVERY} when it changed (in virtual time), and at its end, so that a daemon
 * killed without its shutdown loses little, and the next one (or a command in process) hashes only what changed.
 */
class DigestMemorySavingTest {
    @TempDir
    Path root;

    @Test
    void savedAfterIndexingThenEveryIntervalWhenChangedAndAtTheEnd() throws Exception {
        Files.writeString(root.resolve("same.yaml"),
                "version: \"1\"\ntasks:\n  build:\n    cmd: [\"true\"]\n    input: [\"src\"]\n");
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/a.txt"), "a");
        Path saved = root.resolve(".same/cache/file-digests");
        ManualTimer time = new ManualTimer();
        try (WorkspaceEngine engine = new WorkspaceEngine(root)) {
            engine.startLiveState(Duration.ofMillis(10), time, time, Duration.ofSeconds(2));
            assertEquals(1, FileDigests.load(saved).size(), "saved after the first indexing");

            Files.delete(saved);
            time.advance(WorkspaceEngine.DIGESTS_SAVED_EVERY);
            assertFalse(Files.exists(saved), "unchanged, so not written again");

            Files.writeString(root.resolve("src/b.txt"), "b");
            appliedByTheLiveState(engine, time);
            assertFalse(Files.exists(saved), "not before the interval");
            time.advance(WorkspaceEngine.DIGESTS_SAVED_EVERY);
            assertEquals(2, FileDigests.load(saved).size(), "saved once the interval passed");

            Files.writeString(root.resolve("src/c.txt"), "c");
            appliedByTheLiveState(engine, time);
        }
        assertEquals(3, FileDigests.load(saved).size(), "saved at the end");
    }

    /**
     * Waits until the live state has hashed the file just added: the watcher's event reaches the debouncer in
     * real time, and its quiet period passes in virtual time, a few milliseconds at a time (far less than the
     * saving interval).
     */
    private static void appliedByTheLiveState(WorkspaceEngine engine, ManualTimer time) throws InterruptedException {
        String hash = buildHash(engine);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (buildHash(engine).equals(hash)) {
            assertTrue(System.nanoTime() < deadline, "the live state did not apply the change");
            time.advance(Duration.ofMillis(20));
            Thread.sleep(10);
        }
    }

    /** The task's hash in the live state: a new input file changes it once the file is hashed. */
    private static String buildHash(WorkspaceEngine engine) {
        return engine.live().snapshot().fingerprints().get("build").hash();
    }
}
