package dev.same.server.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real watcher (inotify) on a temporary tree, its debouncer in virtual time. */
class WatchWorkspaceWatcherTest {
    @TempDir
    Path temp;
    private Path root;
    private final ManualTimer time = new ManualTimer();
    private final List<ChangeBatch> batches = new CopyOnWriteArrayList<>();
    private final List<WorkspaceWatcher.HealthChange> health = new CopyOnWriteArrayList<>();
    private WorkspaceWatcher watcher;

    @BeforeEach
    void tree() throws IOException {
        root = temp.toRealPath();
        for (String dir : List.of("a/b", "node_modules/x", ".git/objects", ".same/cache", "dist/assets")) {
            Files.createDirectories(root.resolve(dir));
        }
        WatchFilter filter = new WatchFilter();
        filter.configure(List.of("dist"), List.of());
        watcher = new WorkspaceWatcher(root, filter, new Debouncer(Duration.ofMillis(10), Duration.ofMillis(200), time,
                time, batches::add), time, Duration.ofSeconds(2), health::add);
        watcher.start();
    }

    @AfterEach
    void close() {
        watcher.close();
    }

    @Test
    void watchesEachDirectoryOnceSkippingIgnoredOnes() {
        // the root, a, a/b, .same, .same/cookies and .same/cache (where results are recorded);
        // not node_modules, .git or the target dist
        assertEquals(6, watcher.statistics().directories());
        assertEquals(List.of(), health);
        assertFalse(watcher.polling());
    }

    @Test
    void reportsChangesRelativeToTheRootWithoutIgnoredPaths() throws IOException {
        Files.writeString(root.resolve("node_modules/x/ignored.js"), "x");
        Files.writeString(root.resolve("dist/assets/out.js"), "x");
        Files.writeString(root.resolve("a/b/f.txt"), "f");
        Set<String> paths = awaitPaths(p -> p.contains("a/b/f.txt"));
        assertEquals(Set.of("a/b/f.txt"), paths);
    }

    @Test
    void seesFilesInADirectoryCreatedAfterTheStartAndCountsIt() throws IOException {
        Files.createDirectories(root.resolve("a/new/deeper"));
        Files.writeString(root.resolve("a/new/deeper/f.txt"), "f");
        awaitPaths(p -> p.contains("a/new/deeper/f.txt"));
        poll(() -> watcher.statistics().directories() == 8, "a/new and a/new/deeper to be watched");
        Files.writeString(root.resolve("a/new/deeper/later.txt"), "later");
        awaitPaths(p -> p.contains("a/new/deeper/later.txt"));
    }

    @Test
    void aRescanRequestIsDeliveredAsARescanBatch() {
        watcher.rescan();
        time.advance(Duration.ofMillis(10));
        assertEquals(List.of(new ChangeBatch(Set.of(), true)), batches);
        assertEquals(1, watcher.statistics().rescans());
    }

    /** Advances virtual time until the batches so far name what {@code condition} wants; returns their paths. */
    private Set<String> awaitPaths(java.util.function.Predicate<Set<String>> condition) {
        Set<String> paths = new TreeSet<>();
        poll(() -> {
            time.advance(Duration.ofMillis(10));
            batches.forEach(b -> paths.addAll(b.paths()));
            return condition.test(paths);
        }, "the watcher's batches; got " + paths);
        return paths;
    }

    private static void poll(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
