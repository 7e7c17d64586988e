package dev.same.server.state;

import dev.same.server.env.EnvSettings;
import dev.same.server.env.ToolEnvironmentResolver;
import dev.same.server.exec.Fingerprinter;
import dev.same.server.exec.TaskFingerprint;
import static dev.same.server.state.LiveChangeExplainerTest.env;
import static dev.same.server.state.LiveChangeExplainerTest.file;
import static dev.same.server.state.LiveChangeExplainerTest.now;
import static dev.same.server.state.LiveChangeExplainerTest.previous;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatus;
import dev.same.protocol.TaskStatusInfo;
import dev.same.server.cache.ActionCache;
import dev.same.server.cache.CacheDirectory;
import dev.same.server.config.Rebuild;
import dev.same.server.config.SourceLocation;
import dev.same.server.config.TaskDef;
import dev.same.server.graph.TaskGraph;
import dev.same.server.hash.FileDigests;
import dev.same.server.hash.InputFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task's live state and reasons: running, unknown, failed, rebuild always, clean, dirty. */
class LiveStatusCalculatorTest {
    private static final SortedMap<String, String> TOOLS = env(TaskFingerprint.TOOLS_KEY, "t1");
    private static final String H1 = "1".repeat(64);
    private static final String H2 = "2".repeat(64);

    @TempDir
    Path root;
    private ActionCache actions;
    private final RunTracker runs = new RunTracker();
    private StatusCalculator calculator;

    @BeforeEach
    void calculator() {
        actions = CacheDirectory.of(root).actionCache();
        calculator = new StatusCalculator(new Fingerprinter(new FileDigests(),
                new ToolEnvironmentResolver(CacheDirectory.of(root), EnvSettings.fromEnvironment(Map.of()))),
                actions, runs);
    }

    @Test
    void aHashWithASuccessfulRunIsClean() throws Exception {
        TaskFingerprint at = fingerprint(H1, List.of(file("a", "1")));
        actions.store(previous(at));
        assertEquals(new TaskStatusInfo("t", TaskState.CLEAN, H1, List.of()), status(Rebuild.ON_CHANGE, at));
    }

    @Test
    void aNewHashIsDirtyWithWhatChanged() throws Exception {
        actions.store(previous(fingerprint(H1, List.of(file("a", "1")))));
        assertEquals(new TaskStatusInfo("t", TaskState.DIRTY, H2, List.of("input changed: a")),
                status(Rebuild.ON_CHANGE, fingerprint(H2, List.of(file("a", "2")))));
    }

    @Test
    void manyChangesShowFiveReasonsAndACount() throws Exception {
        actions.store(previous(fingerprint(H1, List.of())));
        List<InputFile> files = IntStream.range(0, 8).mapToObj(i -> file("f" + i, "1")).toList();
        assertEquals(List.of("input added: f0", "input added: f1", "input added: f2", "input added: f3",
                "input added: f4", "and 3 more"), status(Rebuild.ON_CHANGE, fingerprint(H2, files)).reasons());
    }

    @Test
    void aRunningTaskIsRunning() {
        runs.started("t");
        assertEquals(new TaskStatusInfo("t", TaskState.RUNNING, H1, List.of("running")),
                status(Rebuild.ON_CHANGE, fingerprint(H1, List.of())));
    }

    @Test
    void anUnknownHashIsUnknownWithItsProblem() {
        assertEquals(new TaskStatusInfo("t", TaskState.UNKNOWN, null, List.of("input not found: src")),
                status(Rebuild.ON_CHANGE, TaskFingerprint.unknown("t", "input not found: src")));
    }

    @Test
    void aFailureAtThisHashIsFailedUntilTheHashChanges() {
        runs.finished("t", TaskStatus.FAILED, H1);
        assertEquals(TaskState.FAILED, status(Rebuild.ON_CHANGE, fingerprint(H1, List.of())).state());
        assertEquals(TaskState.DIRTY, status(Rebuild.ON_CHANGE, fingerprint(H2, List.of())).state());
    }

    @Test
    void failuresAreRememberedAcrossTrackers(@TempDir Path state) {
        Path file = state.resolve("failures");
        new RunTracker(file).finished("t", TaskStatus.FAILED, H1);
        assertEquals(true, new RunTracker(file).failedAt("t", H1));
        RunTracker again = new RunTracker(file);
        again.finished("t", TaskStatus.OK, H2);
        assertEquals(false, new RunTracker(file).failedAt("t", H1));
    }

    @Test
    void rebuildAlwaysIsAlwaysDirty() throws Exception {
        TaskFingerprint at = fingerprint(H1, List.of());
        actions.store(previous(at));
        assertEquals(new TaskStatusInfo("t", TaskState.DIRTY, H1, List.of("rebuild: always")),
                status(Rebuild.ALWAYS, at));
    }

    private static TaskFingerprint fingerprint(String hash, List<InputFile> inputs) {
        return now(hash, inputs, new TreeMap<>(), TOOLS);
    }

    private TaskStatusInfo status(Rebuild rebuild, TaskFingerprint fingerprint) {
        TaskDef task = new TaskDef("t", "", "t", List.of("true"), List.of(), List.of(), List.of(), List.of(),
                new TreeMap<>(), "", rebuild, new SourceLocation(Path.of("same.yaml"), 1));
        SortedMap<String, TaskDef> tasks = new TreeMap<>();
        tasks.put("t", task);
        return calculator.status(TaskGraph.of(tasks), fingerprint);
    }
}
