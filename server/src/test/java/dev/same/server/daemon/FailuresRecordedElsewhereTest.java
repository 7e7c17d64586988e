package dev.same.server.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.same.protocol.ExplainParams;
import dev.same.protocol.RunParams;
import dev.same.protocol.StatusParams;
import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatus;
import dev.same.server.service.WorkspaceEngine;
import dev.same.server.watch.ManualTimer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run in another process (a command without the daemon) may record a failure after a daemon's engine was made
 * and before its watcher sees the cache: the first command after a stop runs in process while the daemon it
 * started is still starting. The daemon's answers must say "failed" as a fresh computation does.
 */
class FailuresRecordedElsewhereTest {
    @TempDir
    Path root;

    @BeforeEach
    void workspace() throws Exception {
        Files.writeString(root.resolve("same.yaml"),
                "version: \"1\"\ntasks:\n  site:\n    cmd: [\"sh\", \"-c\", \"exit 3\"]\n    input: [\"pages\"]\n");
        Files.createDirectories(root.resolve("pages"));
        Files.writeString(root.resolve("pages/index.md"), "# docs\n");
    }

    @Test
    void aFreshAnswerReadsFailuresRecordedSinceTheEngineWasMade() throws Exception {
        try (WorkspaceEngine daemon = new WorkspaceEngine(root)) {
            failInAnotherEngine();
            assertEquals(TaskState.FAILED, state(daemon));
            assertEquals("FAILED", daemon.explain(new ExplainParams("site", root.toString(), false))
                    .state().name());
        }
    }

    @Test
    void theLiveStateReadsFailuresRecordedBeforeItWatched() throws Exception {
        ManualTimer time = new ManualTimer();
        try (WorkspaceEngine daemon = new WorkspaceEngine(root)) {
            failInAnotherEngine();
            daemon.startLiveState(Duration.ofMillis(10), time, time, Duration.ofSeconds(2));
            assertEquals(TaskState.FAILED, daemon.live().snapshot().statuses().get("site").state());
            assertEquals(TaskState.FAILED, state(daemon));
        }
    }

    private void failInAnotherEngine() throws Exception {
        try (WorkspaceEngine inProcess = new WorkspaceEngine(root)) {
            var result = inProcess.run(new RunParams("elsewhere", List.of("site"), root.toString(), Map.of(), false, 0),
                    InProcessDaemon.NO_PUSHES);
            assertEquals(TaskStatus.FAILED, result.statuses().get("site"));
        }
    }

    private TaskState state(WorkspaceEngine engine) {
        return engine.status(new StatusParams(List.of(), root.toString(), false)).tasks().getFirst().state();
    }
}
