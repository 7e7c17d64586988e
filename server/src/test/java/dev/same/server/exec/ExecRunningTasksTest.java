package dev.same.server.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.protocol.client.ProcessLiveness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecRunningTasksTest {
    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killAll() {
        processes.forEach(Process::destroyForcibly);
    }

    private ProcessHandle sleeper() throws IOException {
        Process process = new ProcessBuilder("sleep", "60").start();
        processes.add(process);
        return process.toHandle();
    }

    private static long started(ProcessHandle process) {
        return process.info().startInstant().orElseThrow().toEpochMilli();
    }

    /** A record as a daemon that is gone now would have left it. */
    private Path recordOfADeadOwner(String lines) throws Exception {
        ProcessHandle owner = sleeper();
        long ownerStarted = started(owner);
        owner.destroyForcibly();
        owner.onExit().get(10, TimeUnit.SECONDS);
        Path record = dir.resolve(owner.pid() + "-" + ownerStarted);
        Files.writeString(record, lines);
        return record;
    }

    @Test
    void theTasksOfADeadOwnerAreKilledAndItsRecordForgotten() throws Exception {
        ProcessHandle task = sleeper();
        Path record = recordOfADeadOwner(task.pid() + " " + started(task) + "\n");
        assertEquals(1, RunningTasks.killLeftBehind(dir));
        task.onExit().get(10, TimeUnit.SECONDS);
        assertFalse(task.isAlive());
        assertFalse(Files.exists(record));
    }

    @Test
    void theTasksOfAKilledOwnerNotYetReapedAreKilledToo() throws Exception {
        // a daemon killed with -9 stays a zombie until init reaps it, which some containers' init does every few
        // seconds: here the owner is the background child of a shell that became a sleep and never reaps it
        Process parent = new ProcessBuilder("sh", "-c", "sleep 60 & echo $!; exec sleep 60").start();
        processes.add(parent);
        long ownerPid = Long.parseLong(parent.inputReader().readLine().strip());
        ProcessHandle owner = ProcessHandle.of(ownerPid).orElseThrow();
        long ownerStarted = started(owner);
        ProcessHandle task = sleeper();
        Files.writeString(dir.resolve(ownerPid + "-" + ownerStarted), task.pid() + " " + started(task) + "\n");
        owner.destroyForcibly();
        while (!ProcessLiveness.isZombie(ownerPid)) {
            Thread.sleep(5);
        }
        assertEquals(1, RunningTasks.killLeftBehind(dir));
        task.onExit().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aProcessThatOnlyReusesAPidIsNotTouched() throws Exception {
        ProcessHandle unrelated = sleeper();
        recordOfADeadOwner(unrelated.pid() + " " + (started(unrelated) - 60_000) + "\n");
        assertEquals(0, RunningTasks.killLeftBehind(dir));
        assertTrue(unrelated.isAlive());
    }

    @Test
    void theTasksOfALiveOwnerAreLeftAlone() throws Exception {
        RunningTasks ours = RunningTasks.ofThisProcess(dir);
        ProcessHandle task = sleeper();
        ours.started(task);
        try (var records = Files.list(dir)) {
            assertEquals(1, records.count(), "this process's record");
        }
        assertEquals(0, RunningTasks.killLeftBehind(dir));
        assertTrue(task.isAlive());
        ours.finished(task);
        try (var records = Files.list(dir)) {
            assertEquals(0, records.count(), "no record once nothing runs");
        }
    }

    @Test
    void aTaskRunThroughTaskProcessIsRecordedWhileItRuns() throws Exception {
        RunningTasks ours = RunningTasks.ofThisProcess(dir.resolve("running"));
        Path marker = dir.resolve("seen");
        Cancellation cancellation = new Cancellation();
        // the task waits, while it runs, for its record (written just after it started), and copies it
        Path running = dir.resolve("running");
        String script = "for i in $(seq 1 500); do ls " + running + "/* >/dev/null 2>&1 && break; sleep 0.01; done; "
                + "cat " + running + "/* > " + marker;
        TaskProcess.Outcome outcome = TaskProcess.run(List.of("sh", "-c", script), dir,
                java.util.Map.of("PATH", "/usr/bin:/bin"), dir.resolve("log"), (offset, text) -> { }, cancellation,
                ours);
        assertTrue(outcome.succeeded(), outcome.reason());
        assertTrue(Files.readString(marker).matches("\\d+ \\d+\\n"), Files.readString(marker));
        try (var records = Files.list(dir.resolve("running"))) {
            assertEquals(0, records.count(), "forgotten once it ended");
        }
    }

    @Test
    void nothingToDoWithoutADirectory() {
        assertEquals(0, RunningTasks.killLeftBehind(dir.resolve("missing")));
    }
}
