package dev.same.intellij.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.intellij.core.connection.DaemonConnection;
import dev.same.intellij.core.console.AnsiColor;
import dev.same.intellij.core.console.ConsoleLine;
import dev.same.intellij.core.console.ConsoleModel;
import dev.same.intellij.core.console.FileLink;
import dev.same.intellij.core.console.Segment;
import dev.same.intellij.core.run.RunOptions;
import dev.same.intellij.core.run.TaskRun;
import dev.same.intellij.core.support.Fixture;
import dev.same.intellij.core.support.RealWorkspace;
import dev.same.protocol.RunResult;
import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run configuration's run against a real daemon: streamed output through the console model, and cancel. */
class RunIT {
    private RealWorkspace workspace;
    private DaemonConnection connection;

    @BeforeEach
    void start() throws Exception {
        workspace = Fixture.create();
        connection = workspace.connect();
    }

    @AfterEach
    void stop() throws Exception {
        workspace.close();
    }

    private RecordingRun run(RunOptions options) {
        Path root = workspace.root;
        RecordingRun recording = new RecordingRun(new ConsoleModel(root, task -> root.resolve(task.split(":")[0])));
        recording.run = TaskRun.start(connection, options, root.toString(), workspace.environment, recording);
        return recording;
    }

    @Test
    void aRunStreamsColouredOutputWithFileLinksTaskResultsAndTheSummary() {
        RecordingRun recording = run(RunOptions.of("app:build"));
        RunResult result = RealWorkspace.await(recording.result, "the run's result");
        assertTrue(result.success(), recording.lines.toString());
        assertEquals(Map.of("lib:build", TaskStatus.OK, "app:build", TaskStatus.OK), result.statuses());

        ConsoleLine output = recording.lines.stream().filter(line -> line.kind() == ConsoleLine.Kind.OUTPUT)
                .filter(line -> line.text().startsWith("[app:build]")).findFirst().orElseThrow();
        assertEquals("[app:build] green see src/main.txt:1 and hello", output.text());
        Segment green = output.segments().stream().filter(s -> s.text().equals("green")).findFirst().orElseThrow();
        assertEquals(AnsiColor.GREEN, green.style().foreground());
        Segment link = output.segments().stream().filter(s -> s.link() != null).findFirst().orElseThrow();
        assertEquals("src/main.txt:1", link.text());
        assertEquals(new FileLink(workspace.root.resolve("app/src/main.txt"), 1, 0), link.link());

        List<String> texts = recording.lines.stream().map(ConsoleLine::text).toList();
        assertTrue(texts.contains("[lib:build] Starting..."), texts.toString());
        assertTrue(texts.stream().anyMatch(text -> text.matches("\\[app:build] ✓ Completed in \\d+\\.\\ds")), texts.toString());
        String summary = texts.getLast();
        assertTrue(summary.matches("✓ Run succeeded in \\d+\\.\\ds \\(2 ok\\)"), summary);

        RecordingRun again = run(RunOptions.of("app:build"));
        assertTrue(RealWorkspace.await(again.result, "the rerun").success());
        assertTrue(again.lines.getLast().text().endsWith("(2 cached)"), again.lines.getLast().text());
        workspace.awaitModel(s -> s.task("app:build").orElseThrow().state() == TaskState.CLEAN, "app:build clean");
    }

    @Test
    void cancellingARunKillsItsTaskProcesses() throws Exception {
        RecordingRun recording = run(RunOptions.of("app:slow"));
        RealWorkspace.await(recording.line(line -> line.text().equals("[app:slow] started")), "the task's output");
        List<ProcessHandle> processes = workspace.taskProcesses().stream()
                .flatMap(process -> Stream.concat(Stream.of(process), process.descendants())).toList();
        assertFalse(processes.isEmpty(), "the task's processes run");
        workspace.awaitModel(s -> s.task("app:slow").orElseThrow().state() == TaskState.RUNNING, "app:slow running");

        assertTrue(RealWorkspace.await(recording.run.cancel(), "the cancel's answer"));
        RunResult result = RealWorkspace.await(recording.result, "the cancelled run's result");
        assertFalse(result.success());
        assertEquals(TaskStatus.CANCELLED, result.statuses().get("app:slow"));
        for (ProcessHandle process : processes) {
            RealWorkspace.await(process.onExit(), "task process " + process.pid() + " to end");
        }
        assertTrue(recording.lines.stream().anyMatch(line -> line.text().startsWith("[app:slow] ✗ Cancelled after")));
    }

    @Test
    void aTaskThatNoLongerExistsIsRefusedBeforeTheRunAndByTheDaemon() {
        RunOptions gone = RunOptions.of("app:gone");
        List<String> problems = gone.problems(workspace.model.snapshot().graph().tasks());
        assertEquals(List.of("Task 'app:gone' does not exist in this workspace (any more): pick one of the "
                + "workspace's tasks."), problems);
        RecordingRun recording = run(gone);
        String message = RealWorkspace.await(recording.failure, "the daemon's refusal");
        assertTrue(message.contains("app:gone"), message);
        assertEquals(ConsoleLine.Kind.ERROR, recording.lines.getFirst().kind());
    }
}
