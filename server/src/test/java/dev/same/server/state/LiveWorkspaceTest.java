package dev.same.server.state;

import dev.same.server.exec.Fingerprinter;
import dev.same.server.exec.TaskFingerprint;
import dev.same.server.env.EnvSettings;
import dev.same.server.env.ToolEnvironmentResolver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.protocol.ConfigError;
import dev.same.protocol.GraphInvalidated;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.Health;
import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatusInfo;
import dev.same.server.cache.ActionCache;
import dev.same.server.cache.ActionRecord;
import dev.same.server.cache.CacheDirectory;
import dev.same.server.config.ConfigLoader;
import dev.same.server.config.Workspace;
import dev.same.server.graph.TaskGraph;
import dev.same.server.hash.FileDigests;
import dev.same.server.watch.ChangeBatch;
import dev.same.server.watch.ManualTimer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LiveWorkspace} fed batches by hand, in virtual time: its real watcher runs, but its debouncer only
 * delivers when the test advances the {@link ManualTimer}, which these tests never do, so the state changes
 * exactly when a test applies a batch.
 */
class LiveWorkspaceTest {
    private static final String LIB_FILE = "packages/lib/src/name.txt";
    private static final String DOCS_FILE = "packages/docs/pages/index.md";
    private static final String DOCS_YAML = """
            version: "1"
            project: docs
            tasks:
              site:
                cmd: ["true"]
                input: ["pages"]
            """;

    @TempDir
    Path temp;
    private Path root;
    private final ManualTimer time = new ManualTimer();
    private final Recorder pushes = new Recorder();
    private final FileDigests digests = new FileDigests();
    private Fingerprinter fingerprinter;
    private ActionCache actions;
    private LiveWorkspace live;

    /** The pushes, in order. */
    static final class Recorder implements LiveWorkspace.Pushes {
        final List<Object> received = new CopyOnWriteArrayList<>();

        @Override
        public void hashesChanged(HashesChanged change) {
            received.add(change);
        }

        @Override
        public void graphInvalidated(GraphInvalidated change) {
            received.add(change);
        }

        @Override
        public void health(Health health) {
            received.add(health);
        }

        <T> List<T> all(Class<T> type) {
            return received.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    @BeforeEach
    void workspace() throws Exception {
        root = temp.toRealPath();
        write("same.work.yaml", """
                version: "1"
                projects: ["packages/*"]
                """);
        write("packages/lib/same.yaml", """
                version: "1"
                project: lib
                tasks:
                  build:
                    cmd: ["true"]
                    input: ["src"]
                    target: ["out"]
                """);
        write("packages/app/same.yaml", """
                version: "1"
                project: app
                tasks:
                  build:
                    cmd: ["true"]
                    input: ["src"]
                    dependsOn: ["lib:build"]
                """);
        write("packages/docs/same.yaml", DOCS_YAML);
        write(LIB_FILE, "lib\n");
        write("packages/app/src/main.txt", "app\n");
        write(DOCS_FILE, "# docs\n");
        actions = CacheDirectory.of(root).actionCache();
        fingerprinter = new Fingerprinter(digests,
                new ToolEnvironmentResolver(CacheDirectory.of(root), EnvSettings.fromEnvironment(Map.of())));
        live = new LiveWorkspace(root, new StatusCalculator(fingerprinter, actions, new RunTracker()), pushes,
                Duration.ofMillis(10), time, time, Duration.ofSeconds(2));
        live.start();
        recordSuccessfulRuns();
        pushes.received.clear();
    }

    @AfterEach
    void close() {
        live.close();
    }

    @Test
    void aChangedInputMakesItsTaskAndItsDependentsDirtyAndARevertMakesThemCleanAgain() throws Exception {
        write(LIB_FILE, "changed\n");
        live.applyNow(batch(LIB_FILE));
        assertEquals(Map.of("lib:build", TaskState.DIRTY, "app:build", TaskState.DIRTY, "docs:site", TaskState.CLEAN),
                states());
        assertEquals(List.of("input changed: " + LIB_FILE), status("lib:build").reasons());
        assertEquals(List.of("upstream changed: lib:build"), status("app:build").reasons());
        HashesChanged dirty = pushes.all(HashesChanged.class).getLast();
        assertEquals(List.of(LIB_FILE), dirty.changedFiles());
        assertEquals(List.of("lib:build", "app:build"), dirty.tasks().stream().map(TaskStatusInfo::id).toList());
        assertEquals(live.snapshot().epoch(), dirty.epoch());

        write(LIB_FILE, "lib\n");
        live.applyNow(batch(LIB_FILE));
        assertEquals(Map.of("lib:build", TaskState.CLEAN, "app:build", TaskState.CLEAN, "docs:site", TaskState.CLEAN),
                states());
        HashesChanged clean = pushes.all(HashesChanged.class).getLast();
        assertTrue(clean.tasks().stream().allMatch(t -> t.state() == TaskState.CLEAN && t.reasons().isEmpty()));
        assertTrue(clean.epoch() > dirty.epoch());
    }

    @Test
    void aBatchRecomputesOnlyTheTasksWhoseInputsItTouches() throws Exception {
        write(DOCS_FILE, "# changed\n");
        long lookups = lookups();
        live.applyNow(batch(DOCS_FILE));
        assertEquals(1, lookups() - lookups, "only docs:site's one input file was looked at");
        assertEquals(TaskState.DIRTY, states().get("docs:site"));
        assertEquals(List.of("docs:site"), pushes.all(HashesChanged.class).getLast().tasks().stream()
                .map(TaskStatusInfo::id).toList());

        lookups = lookups();
        write("README.md", "not an input\n");
        live.applyNow(batch("README.md"));
        assertEquals(0, lookups() - lookups, "a file outside every input recomputes nothing");
        assertEquals(1, pushes.all(HashesChanged.class).size(), "and pushes nothing");
    }

    @Test
    void aBatchTouchingInputsIsPushedEvenWhenNoStateChanged() throws Exception {
        write(LIB_FILE, "lib\n"); // the same content: a save without a change
        live.applyNow(batch(LIB_FILE, ".same/cookies/c1"));
        HashesChanged pushed = pushes.all(HashesChanged.class).getLast();
        assertEquals(List.of(), pushed.tasks());
        assertEquals(List.of(LIB_FILE), pushed.changedFiles(), "the file is named; the cookie is not");
    }

    @Test
    void aRescanNamesTheInputFilesItsBatchHadEvenWhenNoStateChanged() throws Exception {
        write(LIB_FILE, "lib\n"); // saved without a change, then events were lost: the batch asks for a rescan
        live.applyNow(new ChangeBatch(Set.of(LIB_FILE, "README.md"), true));
        HashesChanged pushed = pushes.all(HashesChanged.class).getLast();
        assertEquals(List.of(), pushed.tasks());
        assertEquals(List.of("README.md", LIB_FILE), pushed.changedFiles());
    }

    @Test
    void aFileReadBeforeItsEventArrivesIsNamedByThePushThatReadIt() throws Exception {
        String other = "packages/lib/src/other.txt";
        write(LIB_FILE, "changed\n");
        write(other, "written meanwhile\n"); // its event is still on its way when the first batch is applied
        live.applyNow(batch(LIB_FILE));
        assertEquals(List.of(LIB_FILE, other), pushes.all(HashesChanged.class).getLast().changedFiles());
        live.applyNow(batch(other));
        HashesChanged late = pushes.all(HashesChanged.class).getLast();
        assertEquals(List.of(other), late.changedFiles());
        assertEquals(List.of(), late.tasks(), "nothing changed since the first batch");
    }

    @Test
    void filesAreNamedFromTheWatchedRootWhenRootMovesTheTasksBelowIt() throws Exception {
        // a standalone same.yaml whose tasks run in app/: their inputs are recorded relative to app/, but every
        // file a push names is relative to the workspace, as the batch's own paths are
        Path standalone = Files.createDirectories(temp.resolve("standalone")).toRealPath();
        Files.writeString(standalone.resolve("same.yaml"), """
                version: "1"
                root: app
                tasks:
                  build:
                    cmd: ["true"]
                    input: ["src"]
                """);
        Files.createDirectories(standalone.resolve("app/src"));
        Files.writeString(standalone.resolve("app/src/a.txt"), "a\n");
        Files.writeString(standalone.resolve("app/src/b.txt"), "b\n");
        Recorder moved = new Recorder();
        Fingerprinter itsFingerprints = new Fingerprinter(new FileDigests(), new ToolEnvironmentResolver(
                CacheDirectory.of(standalone), EnvSettings.fromEnvironment(Map.of())));
        try (LiveWorkspace other = new LiveWorkspace(standalone, new StatusCalculator(itsFingerprints,
                CacheDirectory.of(standalone).actionCache(), new RunTracker()), moved, Duration.ofMillis(10), time,
                time, Duration.ofSeconds(2))) {
            other.start();
            Files.writeString(standalone.resolve("app/src/a.txt"), "a changed\n");
            Files.writeString(standalone.resolve("app/src/b.txt"), "b changed\n"); // its event still on its way
            other.applyNow(batch("app/src/a.txt"));
            assertEquals(List.of("app/src/a.txt", "app/src/b.txt"),
                    moved.all(HashesChanged.class).getLast().changedFiles());
        }
    }

    @Test
    void aRescanNamesTheInputFilesWhoseEventsWereLost() throws Exception {
        write(LIB_FILE, "changed\n");
        Files.delete(root.resolve(DOCS_FILE));
        write("packages/docs/pages/new.md", "new\n");
        live.applyNow(new ChangeBatch(Set.of(), true));
        assertEquals(List.of(DOCS_FILE, "packages/docs/pages/new.md", LIB_FILE),
                pushes.all(HashesChanged.class).getLast().changedFiles());
    }

    @Test
    void aRemovedInputDirectoryMakesTheTaskUnknownAndItsReturnCleanAgain() throws Exception {
        Files.delete(root.resolve(DOCS_FILE));
        Files.delete(root.resolve("packages/docs/pages"));
        live.applyNow(batch(DOCS_FILE, "packages/docs/pages"));
        assertEquals(TaskState.UNKNOWN, states().get("docs:site"));
        assertTrue(status("docs:site").reasons().getFirst().contains("input not found"), status("docs:site").toString());

        write(DOCS_FILE, "# docs\n");
        live.applyNow(batch("packages/docs/pages"));
        assertEquals(TaskState.CLEAN, states().get("docs:site"));
    }

    @Test
    void aTaskWhoseInputsFollowALinkSeesAChangeReportedUnderTheLinksTarget() throws Exception {
        Files.createSymbolicLink(root.resolve("packages/docs/pages/shared.txt"), root.resolve(LIB_FILE));
        live.applyNow(batch("packages/docs/pages/shared.txt"));
        recordSuccessfulRuns();

        write(LIB_FILE, "changed behind the link\n");
        live.applyNow(batch(LIB_FILE));
        assertEquals(TaskState.DIRTY, states().get("docs:site"));
        assertEquals(List.of("input changed: packages/docs/pages/shared.txt"), status("docs:site").reasons());
    }

    @Test
    void aRescanAfterLostEventsSeesEverythingChangedBehindItsBack() throws Exception {
        // an overflow: these changes produce no batch, then the watcher asks for a rescan
        write(LIB_FILE, "changed\n");
        write("packages/docs/pages/new/page.md", "new\n");
        write("packages/docs/same.yaml", DOCS_YAML + """
                  check:
                    cmd: ["true"]
                    input: ["pages"]
                """);
        live.applyNow(new ChangeBatch(Set.of(), true));

        assertEquals(Map.of("lib:build", TaskState.DIRTY, "app:build", TaskState.DIRTY, "docs:site", TaskState.DIRTY,
                "docs:check", TaskState.DIRTY), states());
        assertEquals(List.of("input changed: " + LIB_FILE), status("lib:build").reasons());
        assertEquals(List.of("input added: packages/docs/pages/new/page.md"), status("docs:site").reasons());
        assertEquals(List.of("never run"), status("docs:check").reasons());
        assertNull(pushes.all(GraphInvalidated.class).getLast().error());
        assertEquals(4, pushes.all(HashesChanged.class).getLast().tasks().size());
    }

    @Test
    void aBrokenConfigKeepsTheGraphAndIsPushedOnceNotAtEveryRescan() throws Exception {
        write("packages/docs/same.yaml", DOCS_YAML + "  broken: [\n");
        live.applyNow(batch("packages/docs/same.yaml"));
        ConfigError error = live.snapshot().configError();
        assertNotNull(error);
        assertEquals("packages/docs/same.yaml", error.file());
        assertEquals(Set.of("lib:build", "app:build", "docs:site"), states().keySet());
        assertEquals(List.of(error), pushes.all(GraphInvalidated.class).stream().map(GraphInvalidated::error).toList());

        live.applyNow(new ChangeBatch(Set.of(), true)); // polling: a rescan every two seconds
        live.applyNow(new ChangeBatch(Set.of(), true));
        assertEquals(1, pushes.all(GraphInvalidated.class).size(), "the same error is not pushed again");

        write("packages/docs/same.yaml", DOCS_YAML);
        live.applyNow(batch("packages/docs/same.yaml"));
        assertNull(live.snapshot().configError());
        assertEquals(2, pushes.all(GraphInvalidated.class).size());
        assertNull(pushes.all(GraphInvalidated.class).getLast().error());
    }

    @Test
    void aNewProjectDirectoryReloadsTheGraph() throws Exception {
        write("packages/tools/same.yaml", """
                version: "1"
                project: tools
                tasks:
                  lint:
                    cmd: ["true"]
                """);
        live.applyNow(batch("packages/tools"));
        assertTrue(states().containsKey("tools:lint"), states().toString());
        assertEquals(1, pushes.all(GraphInvalidated.class).size());
    }

    @Test
    void aRunsStateChangesArePushedAtOnceAndARefreshAfterItChangesNothingMore() throws Exception {
        TaskStatusInfo clean = status("lib:build");
        live.taskStateChanged(new TaskStatusInfo("lib:build", TaskState.RUNNING, clean.hash(), List.of("running")));
        live.awaitIdle();
        assertEquals(TaskState.RUNNING, states().get("lib:build"));
        live.taskStateChanged(clean);
        live.refresh();
        live.awaitIdle();
        assertEquals(2, pushes.all(HashesChanged.class).size(), pushes.received.toString());
        assertEquals(TaskState.CLEAN, states().get("lib:build"));
    }

    // ---- helpers

    private void write(String relative, String content) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private static ChangeBatch batch(String... paths) {
        return new ChangeBatch(Set.of(paths), false);
    }

    private long lookups() {
        return digests.hits() + digests.misses();
    }

    private Map<String, TaskState> states() {
        Map<String, TaskState> states = new TreeMap<>();
        live.snapshot().statuses().forEach((id, status) -> states.put(id, status.state()));
        return states;
    }

    private TaskStatusInfo status(String task) {
        return live.snapshot().statuses().get(task);
    }

    /** Records a successful run of every task at its current hash, as a run would, then refreshes. */
    private void recordSuccessfulRuns() throws IOException {
        Workspace workspace = ConfigLoader.load(root);
        TaskGraph graph = TaskGraph.of(workspace);
        for (TaskFingerprint fingerprint : fingerprinter.fingerprint(workspace, graph, graph.order()).values()) {
            actions.store(new ActionRecord(ActionRecord.FORMAT, fingerprint.id(), fingerprint.hash(), List.of(), null,
                    1, Instant.now(), fingerprint.inputs(), fingerprint.dependencyHashes(),
                    fingerprint.environment()));
        }
        live.refresh();
        live.awaitIdle();
        assertTrue(states().values().stream().allMatch(s -> s == TaskState.CLEAN), states().toString());
    }
}
