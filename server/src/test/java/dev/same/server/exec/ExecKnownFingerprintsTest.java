package dev.same.server.exec;

import dev.same.server.env.EnvSettings;
import dev.same.server.env.ToolEnvironmentResolver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.TaskStatus;
import dev.same.server.cache.CacheDirectory;
import dev.same.server.config.ConfigLoader;
import dev.same.server.config.Workspace;
import dev.same.server.graph.TaskGraph;
import dev.same.server.hash.FileDigests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run in the daemon starts from the live state's fingerprints: a warm run reads no input, and anything
 * that may have changed the files (a task that ran, outputs restored) or the hash (other dependency hashes)
 * makes the run read the inputs again.
 */
class ExecKnownFingerprintsTest {
    @TempDir
    Path root;
    private final FileDigests digests = new FileDigests();
    private CacheDirectory cache;
    private ToolEnvironmentResolver environments;
    private Workspace workspace;
    private TaskGraph graph;
    private final WorkspaceWrites writes = new WorkspaceWrites();

    private static final SameClientApi QUIET = new SameClientApi() {
        @Override
        public void runEvent(RunEvent event) {
        }

        @Override
        public void runOutput(RunOutput output) {
        }
    };

    @BeforeEach
    void workspace() throws IOException {
        Files.writeString(root.resolve("same.yaml"), """
                version: "1"
                tasks:
                  lib:
                    cmd: ["sh", "-c", "mkdir -p out && cat src/lib.txt > out/lib.txt"]
                    input: ["src/lib.txt"]
                    target: ["out"]
                  app:
                    cmd: ["sh", "-c", "cat src/app.txt > app.txt"]
                    input: ["src/app.txt"]
                    target: ["app.txt"]
                    dependsOn: ["lib"]
                """);
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/lib.txt"), "lib\n");
        Files.writeString(root.resolve("src/app.txt"), "app\n");
        cache = CacheDirectory.of(root);
        environments = new ToolEnvironmentResolver(cache, EnvSettings.fromEnvironment(Map.of()));
        workspace = ConfigLoader.load(root);
        graph = TaskGraph.of(workspace);
        assertEquals(Map.of("lib", TaskStatus.OK, "app", TaskStatus.OK), run(Map.of()).statuses());
    }

    private RunResult run(Map<String, TaskFingerprint> known) {
        return run(known, writes.mark());
    }

    private RunResult run(Map<String, TaskFingerprint> known, WorkspaceWrites.Mark knownAt) {
        RunParams params = new RunParams(null, List.of("app"), root.toString(),
                Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), false, 1);
        try {
            return new RunExecution(workspace, graph, List.of("app"), params, QUIET, cache, digests, environments,
                    new RunStatistics(), known, RunningTasks.NONE, writes, knownAt).execute();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the daemon's live state holds: every fingerprint, from the files as they are. */
    private Map<String, TaskFingerprint> live() {
        return new Fingerprinter(new FileDigests(), environments).fingerprint(workspace, graph, graph.order());
    }

    private long reads() {
        return digests.hits() + digests.misses();
    }

    @Test
    void aWarmRunFromKnownFingerprintsReadsNoInput() {
        Map<String, TaskFingerprint> known = live();
        long before = reads();

        RunResult result = run(known);

        assertEquals(Map.of("lib", TaskStatus.CACHED, "app", TaskStatus.CACHED), result.statuses());
        assertEquals(before + 2, reads(), "only the two outputs are checked, no input is read");
    }

    @Test
    void withoutKnownFingerprintsTheInputsAreRead() {
        long before = reads();

        run(Map.of());

        assertEquals(before + 4, reads(), "two inputs and two outputs");
    }

    /** The live state with app's hash replaced: used as it is, app would not be found in the cache. */
    private Map<String, TaskFingerprint> liveWithAnotherAppHash() {
        Map<String, TaskFingerprint> known = new HashMap<>(live());
        TaskFingerprint app = known.get("app");
        known.put("app", new TaskFingerprint(app.id(), "0".repeat(64), app.inputs(), app.dependencyHashes(),
                app.environment(), app.tools(), null, false));
        return known;
    }

    @Test
    void aKnownFingerprintIsTakenAsTheTruthWhileTheRunHasWrittenNothing() {
        RunResult result = run(liveWithAnotherAppHash());

        assertEquals(TaskStatus.OK, result.statuses().get("app"), "the known hash was used: not in the cache");
    }

    @Test
    void outputsRestoredByTheRunMakeLaterTasksReadTheirInputsAgain() throws IOException {
        Map<String, TaskFingerprint> known = liveWithAnotherAppHash();
        Files.delete(root.resolve("out/lib.txt"));

        RunResult result = run(known);

        assertEquals(Map.of("lib", TaskStatus.CACHED, "app", TaskStatus.CACHED), result.statuses(),
                "app's hash was computed from its inputs after lib's outputs were restored");
        assertTrue(Files.exists(root.resolve("out/lib.txt")));
    }

    @Test
    void aWriteByAnotherRunSinceTheFingerprintsWereTakenMakesTheRunReadItsInputs() {
        Map<String, TaskFingerprint> known = liveWithAnotherAppHash();
        WorkspaceWrites.Mark knownAt = writes.mark();
        writes.begin().close(); // another run on the workspace wrote something meanwhile

        RunResult result = run(known, knownAt);

        assertEquals(TaskStatus.CACHED, result.statuses().get("app"), "app's hash was computed from its inputs");
    }

    @Test
    void aWriteUnderWayWhenTheFingerprintsWereTakenMakesTheRunReadItsInputs() {
        Map<String, TaskFingerprint> known = liveWithAnotherAppHash();
        try (WorkspaceWrites.Write underWay = writes.begin()) {
            WorkspaceWrites.Mark knownAt = writes.mark();

            RunResult result = run(known, knownAt);

            assertEquals(TaskStatus.CACHED, result.statuses().get("app"), "app's hash was computed from its inputs");
        }
    }

    @Test
    void aKnownFingerprintWithOtherDependencyHashesIsNotUsed() {
        Map<String, TaskFingerprint> known = new HashMap<>(live());
        TaskFingerprint app = known.get("app");
        known.put("app", new TaskFingerprint(app.id(), "0".repeat(64), app.inputs(),
                new TreeMap<>(Map.of("lib", "1".repeat(64))), app.environment(), app.tools(), null, false));

        RunResult result = run(known);

        assertEquals(TaskStatus.CACHED, result.statuses().get("app"), "the real hash, computed again, is a hit");
    }
}
