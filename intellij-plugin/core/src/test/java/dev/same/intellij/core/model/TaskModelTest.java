package dev.same.intellij.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.intellij.core.connection.ConnectionState;
import dev.same.protocol.ConfigError;
import dev.same.protocol.GraphResult;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.Health;
import dev.same.protocol.HealthStatus;
import dev.same.protocol.ProjectInfo;
import dev.same.protocol.RunEvent;
import dev.same.protocol.StatusResult;
import dev.same.protocol.TaskInfo;
import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatus;
import dev.same.protocol.TaskStatusInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TaskModelTest {
    private static final ConnectionState CONNECTED = new ConnectionState.Connected("v", 1);
    private final TaskModel model = new TaskModel();

    static TaskInfo task(String project, String name) {
        return new TaskInfo(project + ":" + name, project, name, List.of("true"), List.of(), List.of(), List.of(),
                List.of(), Map.of(), ".", "on-change", project + "/same.yaml", 4);
    }

    static GraphResult graph(List<String> projects, List<TaskInfo> tasks) {
        return new GraphResult("/ws", false, projects.stream().map(p -> new ProjectInfo(p, "packages/" + p,
                "packages/" + p + "/same.yaml")).toList(), tasks, tasks.stream().map(TaskInfo::id).toList(), List.of());
    }

    private static TaskStatusInfo status(String id, TaskState state, String... reasons) {
        return new TaskStatusInfo(id, state, "h", List.of(reasons));
    }

    @Test
    void anAnswerOlderThanThePushesIsIgnored() {
        model.setGraph(graph(List.of("a"), List.of(task("a", "build"))));
        assertTrue(model.applyHashesChanged(new HashesChanged(5, List.of(status("a:build", TaskState.DIRTY, "input changed: x")),
                List.of("x"))));
        assertFalse(model.applyStatus(new StatusResult(4, List.of(status("a:build", TaskState.CLEAN)), null)));
        assertEquals(TaskState.DIRTY, model.snapshot().task("a:build").orElseThrow().state());
        model.resetEpoch();
        assertTrue(model.applyStatus(new StatusResult(1, List.of(status("a:build", TaskState.CLEAN)), null)),
                "a new daemon starts its epochs again");
    }

    @Test
    void runEventsShowRunningThenTheOutcome() {
        model.setGraph(graph(List.of("a"), List.of(task("a", "build"), task("a", "test"))));
        model.applyRunEvent(RunEvent.taskStarted("r", "a:build", "h1"));
        assertEquals(TaskState.RUNNING, model.snapshot().task("a:build").orElseThrow().state());
        model.applyRunEvent(RunEvent.taskFinished("r", "a:build", TaskStatus.FAILED, 10, "exit 2", false, "h1"));
        var failed = model.snapshot().task("a:build").orElseThrow();
        assertEquals(TaskState.FAILED, failed.state());
        assertEquals(List.of("exit 2"), failed.reasons());
        assertEquals(TaskState.UNKNOWN, model.snapshot().task("a:test").orElseThrow().state(), "no status yet");
    }

    @Test
    void theStatusLineSaysTheDirtyCountOrTheTrouble() {
        model.setGraph(graph(List.of("a"), List.of(task("a", "build"), task("a", "test"), task("a", "lint"))));
        model.applyStatus(new StatusResult(1, List.of(status("a:build", TaskState.DIRTY), status("a:test",
                TaskState.DIRTY), status("a:lint", TaskState.CLEAN)), null));
        assertEquals("same: 2 dirty", StatusLine.of(model.snapshot(), CONNECTED).text());
        assertFalse(StatusLine.of(model.snapshot(), CONNECTED).trouble());

        model.setHealth(new Health(2, HealthStatus.DEGRADED, "inotify watch limit reached", "raise fs.inotify.max_user_watches"));
        StatusLine degraded = StatusLine.of(model.snapshot(), CONNECTED);
        assertEquals("same: degraded", degraded.text());
        assertEquals("inotify watch limit reached\nraise fs.inotify.max_user_watches", degraded.tooltip());
        model.setHealth(new Health(3, HealthStatus.OK, null, null));
        assertNull(model.snapshot().health());
        model.setHealth(new Health(4, HealthStatus.SHUTTING_DOWN, "the daemon is stopping: daemon/stop", null));
        assertEquals("same: shutting down", StatusLine.of(model.snapshot(), CONNECTED).text());
        model.resetEpoch();
        assertNull(model.snapshot().health(), "a new daemon: the old one's stop is forgotten");

        model.setConfigError(new ConfigError("a/same.yaml", 3, "bad", List.of("at a/same.yaml:3", "task a:x")));
        assertEquals("bad (task a:x)", StatusLine.of(model.snapshot(), CONNECTED).tooltip());
        StatusLine away = StatusLine.of(model.snapshot(), new ConnectionState.Reconnecting(2, Duration.ofMillis(500),
                "connection refused"));
        assertEquals("same: daemon unreachable", away.text());
        assertEquals("daemon unreachable (connection refused), retrying in 500 ms", away.tooltip());
        assertEquals("same: daemon failed", StatusLine.of(model.snapshot(),
                new ConnectionState.Failed("no launcher", Path.of("x"))).text());
    }

    @Test
    void theTreeOfAThousandTasksIsByProjectAndName() {
        List<TaskInfo> tasks = new ArrayList<>();
        List<String> projects = IntStream.range(0, 100).mapToObj(p -> "p" + (99 - p)).toList();
        projects.forEach(p -> IntStream.range(0, 10).forEach(t -> tasks.add(task(p, "t" + (9 - t)))));
        model.setGraph(graph(projects, tasks));
        var tree = model.snapshot().projects();
        assertEquals(100, tree.size());
        assertEquals("p0", tree.getFirst().info().name());
        assertEquals(List.of("p0:t0", "p0:t1"), tree.getFirst().tasks().subList(0, 2).stream().map(TaskView::id).toList());
        assertEquals(1000, tree.stream().mapToInt(node -> node.tasks().size()).sum());
        assertEquals(Path.of("/ws/packages/p7"), model.snapshot().taskDirectory(Path.of("/ws"), "p7:t3"));
    }
}
