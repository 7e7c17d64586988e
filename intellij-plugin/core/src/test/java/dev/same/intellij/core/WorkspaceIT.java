package dev.same.intellij.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.intellij.core.connection.ConnectionState;
import dev.same.intellij.core.console.ConsoleModel;
import dev.same.intellij.core.model.ExplainText;
import dev.same.intellij.core.model.ProjectNode;
import dev.same.intellij.core.model.StateIcon;
import dev.same.intellij.core.model.StatusLine;
import dev.same.intellij.core.model.TaskView;
import dev.same.intellij.core.model.WorkspaceSnapshot;
import dev.same.intellij.core.run.RunOptions;
import dev.same.intellij.core.run.TaskRun;
import dev.same.intellij.core.samefile.ErrorMark;
import dev.same.intellij.core.samefile.GutterMark;
import dev.same.intellij.core.samefile.GutterMarks;
import dev.same.intellij.core.samefile.TaskLine;
import dev.same.intellij.core.samefile.TaskLines;
import dev.same.intellij.core.support.Fixture;
import dev.same.intellij.core.support.RealWorkspace;
import dev.same.protocol.ExplainParams;
import dev.same.protocol.TaskInfo;
import dev.same.protocol.TaskState;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task tree, the gutter marks and the connection, following a real daemon through edits, errors and a kill. */
class WorkspaceIT {
    private RealWorkspace workspace;

    @BeforeEach
    void start() throws Exception {
        workspace = Fixture.create();
        workspace.connect();
    }

    @AfterEach
    void stop() throws Exception {
        workspace.close();
    }

    private void build(String task) {
        RecordingRun recording = new RecordingRun(new ConsoleModel(workspace.root, t -> null));
        TaskRun.start(workspace.connection(), RunOptions.of(task), workspace.root.toString(), workspace.environment,
                recording);
        assertTrue(RealWorkspace.await(recording.result, task + "'s run").success(), recording.lines.toString());
    }

    private static TaskState state(WorkspaceSnapshot snapshot, String id) {
        return snapshot.task(id).orElseThrow().state();
    }

    @Test
    void theTreeFollowsAFileEditAndAConfigError() throws Exception {
        WorkspaceSnapshot first = workspace.model.snapshot();
        assertEquals(List.of("app", "lib"), first.projects().stream().map(p -> p.info().name()).toList());
        ProjectNode app = first.projects().getFirst();
        assertEquals(List.of("app:build", "app:slow"), app.tasks().stream().map(TaskView::id).toList());
        assertEquals(TaskState.DIRTY, state(first, "app:build"));
        assertTrue(app.tasks().getFirst().reasons().contains("never run"), app.tasks().getFirst().reasons().toString());

        build("app:build");
        workspace.awaitModel(s -> state(s, "app:build") == TaskState.CLEAN && state(s, "lib:build") == TaskState.CLEAN,
                "both builds clean");
        assertEquals("same: 1 dirty", StatusLine.of(workspace.model.snapshot(), workspace.connection().state()).text());

        Files.writeString(workspace.root.resolve("lib/src/name.txt"), "two\n");
        WorkspaceSnapshot edited = workspace.awaitModel(s -> state(s, "lib:build") == TaskState.DIRTY
                && state(s, "app:build") == TaskState.DIRTY, "the edit to make lib:build and app:build dirty");
        TaskView lib = edited.task("lib:build").orElseThrow();
        assertTrue(lib.reasons().stream().anyMatch(r -> r.contains("lib/src/name.txt")), lib.reasons().toString());
        assertTrue(StateIcon.tooltip(lib).startsWith("lib:build — dirty\n"), StateIcon.tooltip(lib));
        String why = ExplainText.render(RealWorkspace.await(workspace.connection().server().explain(
                new ExplainParams("lib:build", workspace.root.toString(), true)), "task/explain"));
        assertTrue(why.startsWith("lib:build is dirty\nlast successful run: "), why);
        assertTrue(why.contains("• file changed: lib/src/name.txt"), why);

        String broken = Fixture.APP_YAML.replace("  slow:", "  slow: [unclosed");
        Files.writeString(workspace.root.resolve("app/same.yaml"), broken);
        WorkspaceSnapshot failing = workspace.awaitModel(s -> s.configError() != null, "the config error");
        assertEquals("app/same.yaml", failing.configError().file());
        ErrorMark mark = ErrorMark.in("app/same.yaml", failing).orElseThrow();
        assertEquals(failing.configError().line() - 1, mark.line());
        assertEquals("same: config error", StatusLine.of(failing, workspace.connection().state()).text());
        assertTrue(ErrorMark.in("lib/same.yaml", failing).isEmpty());
        assertEquals(List.of("app:build", "app:slow"), failing.projects().getFirst().tasks().stream()
                .map(TaskView::id).toList(), "the last valid graph is kept");

        Files.writeString(workspace.root.resolve("app/same.yaml"), Fixture.APP_YAML.replace("  slow:", "  test:"));
        WorkspaceSnapshot fixed = workspace.awaitModel(s -> s.configError() == null && s.task("app:test").isPresent()
                && s.statuses().containsKey("app:test"), "the fixed config with its new task");
        assertTrue(fixed.task("app:slow").isEmpty());
    }

    @Test
    void theLineMappingMatchesTheDaemonsOnRealFilesAndFollowsEditsAndBreakage() throws Exception {
        WorkspaceSnapshot snapshot = workspace.model.snapshot();
        for (TaskInfo task : snapshot.graph().tasks()) {
            TaskLines lines = TaskLines.of(workspace.read(task.file()));
            TaskLine line = lines.tasks().stream().filter(l -> l.name().equals(task.name())).findFirst().orElseThrow();
            assertEquals(task.line() - 1, line.line(), task.id() + " in " + task.file());
        }
        List<GutterMark> marks = GutterMarks.of("app/same.yaml", workspace.read("app/same.yaml"), snapshot);
        assertEquals(List.of("app:build", "app:slow"), marks.stream().map(GutterMark::taskId).toList());
        assertTrue(marks.stream().allMatch(GutterMark::runnable));
        assertEquals(StateIcon.DIRTY, marks.getFirst().icon());

        // typed, not saved: the lines move and the new task is not known to the daemon yet
        String typing = Fixture.APP_YAML.replace("tasks:\n", "tasks:\n  lint:\n    cmd: [\"true\"]\n");
        List<GutterMark> unsaved = GutterMarks.of("app/same.yaml", typing, snapshot);
        assertEquals(List.of("app:lint", "app:build", "app:slow"), unsaved.stream().map(GutterMark::taskId).toList());
        assertFalse(unsaved.getFirst().runnable());
        assertEquals(snapshot.task("app:build").orElseThrow().info().line() - 1 + 2, unsaved.get(1).line().line());
        assertEquals("app:build", GutterMarks.at(unsaved.get(1).line().line(), unsaved).orElseThrow().taskId());

        // saved broken: the daemon reports the error, the readable keys keep their marks
        String broken = typing.replace("cmd: [\"true\"]", "cmd: [\"true\"");
        Files.writeString(workspace.root.resolve("app/same.yaml"), broken);
        WorkspaceSnapshot failing = workspace.awaitModel(s -> s.configError() != null, "the config error");
        List<GutterMark> onBroken = GutterMarks.of("app/same.yaml", broken, failing);
        assertEquals(List.of("app:lint", "app:build", "app:slow"), onBroken.stream().map(GutterMark::taskId).toList());
        assertTrue(onBroken.getFirst().tooltip().endsWith("(the configuration has an error)"));
        assertTrue(onBroken.get(1).runnable(), "tasks of the last valid graph stay runnable");
    }

    @Test
    void reconnectsToANewDaemonAfterTheDaemonIsKilled() throws Exception {
        long pid = workspace.daemonPid();
        var connected = (ConnectionState.Connected) workspace.connection().state();
        assertEquals(pid, connected.pid());
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        long epochBefore = workspace.model.snapshot().epoch();
        daemon.destroyForcibly();
        RealWorkspace.await(daemon.onExit(), "the daemon to die");
        ConnectionState back = workspace.awaitConnection(s -> s instanceof ConnectionState.Connected c
                && c.pid() != pid, "a connection to a new daemon");
        assertNotEquals(pid, ((ConnectionState.Connected) back).pid());
        WorkspaceSnapshot resynced = workspace.awaitModel(s -> s.hasGraph() && s.statuses().size() == 3,
                "the model reloaded from the new daemon");
        assertEquals(TaskState.DIRTY, state(resynced, "app:build"));
        assertTrue(epochBefore >= 0);
    }
}
