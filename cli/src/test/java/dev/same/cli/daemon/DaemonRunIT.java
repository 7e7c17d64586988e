package dev.same.cli.daemon;

import static dev.same.cli.daemon.DaemonWorkspace.alive;
import static dev.same.cli.daemon.DaemonWorkspace.awaitGone;
import static dev.same.cli.daemon.DaemonWorkspace.poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.same.cli.daemon.DaemonWorkspace.Result;
import dev.same.cli.daemon.DaemonWorkspace.Running;
import dev.same.cli.e2e.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs through the daemon: crashes, cancellation, concurrency, and output identical to in-process runs. */
@Timeout(120)
class DaemonRunIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private DaemonWorkspace ws;

    @BeforeEach
    void workspace() throws Exception {
        ws = new DaemonWorkspace();
        // 'slow' sleeps while slow.flag exists (not an input, so the hash stays the same without it)
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  slow:
                    cmd: ["sh", "-c", "echo started; if [ -f slow.flag ]; then sleep 300; fi; echo finished; : %s"]
                    input: ["src"]
                  quick:
                    cmd: ["sh", "-c", "echo quick ran; : %1$s"]
                    input: ["src"]
                """.formatted(ws.marker)).file("src/in.txt", "1\n");
    }

    @AfterEach
    void stopEverything() throws Exception {
        ws.close();
        assertTrue(ws.daemonProcesses().isEmpty(), "no daemon outlives its test");
        assertTrue(ws.taskProcesses().isEmpty(), "no task process outlives its test");
    }

    private Result ok(String... args) throws Exception {
        Result result = ws.same(args);
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    private JsonNode statusJson() throws Exception {
        return JSON.readTree(ok("daemon", "status", "--json").stdout());
    }

    /** Starts 'same run slow' with the task sleeping; returns once the task has printed its first line. */
    /** A run of the slow task in the daemon (started first: a run that finds none runs in process). */
    private Running startSlowRun(List<String> wrapper) throws Exception {
        ok("daemon", "start");
        ws.file("slow.flag", "");
        Running run = ws.start(wrapper, "run", "slow", "--ci");
        run.awaitOutput("[slow] started");
        assertFalse(ws.taskProcesses().isEmpty(), "the task is running");
        return run;
    }

    /** The next run executes the task again (it was not cached) and through a working daemon. */
    private void assertNextRunExecutesTheTask() throws Exception {
        Files.delete(ws.root.resolve("slow.flag"));
        Result next = ok("run", "slow", "--ci");
        assertTrue(next.stdout().contains("[slow] started") && next.stdout().contains("[slow] finished"),
                next.toString());
        assertTrue(next.stderr().contains("Completed"), "executed, not cached: " + next);
        assertFalse(next.stderr().contains("unavailable"), next.toString());
        assertEquals(1, ws.actionRecords().size(), "recorded once it finished");
    }

    /**
     * The first command runs in process and prepares the next commands' daemon while it runs: a process that waits
     * for the word to start it, which the command sends as it ends. Killed before its end, the command sends none,
     * and no daemon starts; then the next command runs in process and starts one.
     */
    @Test
    void aFirstCommandKilledWhileItRunsInProcessStartsNoDaemon() throws Exception {
        ws.file("slow.flag", "");
        Running run = ws.start("run", "slow", "--ci");
        run.awaitOutput("[slow] started");
        assertTrue(ws.discovery().isEmpty(), "no daemon answered: it runs in process");
        poll(() -> !waitingToStartADaemon().isEmpty(), "the daemon's process, prepared and waiting");
        List<ProcessHandle> tasks = ws.taskProcesses();
        ProcessHandle.of(run.process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        assertTrue(run.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));

        poll(() -> waitingToStartADaemon().isEmpty(), "the waiting process to end, told nothing");
        assertTrue(ws.daemonProcesses().isEmpty(), "no daemon started");
        assertFalse(Files.exists(ws.root.resolve(".same/daemon/spawned.pid")), "none said to be starting");
        tasks.forEach(ProcessHandle::destroyForcibly); // what a killed run in process leaves, the next one kills

        Files.delete(ws.root.resolve("slow.flag"));
        ok("run", "quick", "--ci");
        ws.daemonPid(); // the next command starts one
    }

    /**
     * The daemon a first command starts as it ends counts as starting from then on: a {@code same daemon stop} right
     * after (a script's next line) waits for it and stops it, rather than find none and leave it to start.
     */
    @Test
    void aDaemonStopRightAfterTheFirstCommandStopsTheDaemonItStarted() throws Exception {
        ok("run", "quick", "--ci");
        String starting = Files.readString(ws.root.resolve(".same/daemon/spawned.pid")).strip();
        assertTrue(alive(Long.parseLong(starting)), "the daemon's process is there as the command ends");
        Result stop = ok("daemon", "stop");
        assertEquals("same daemon stopped", stop.stdout().strip(), stop.toString());
        poll(() -> ws.daemonProcesses().isEmpty(), "the stopped daemon's process to end");
        assertTrue(ws.discovery().isEmpty(), "none serves the workspace");
    }

    /**
     * A daemon started in the background by a shell (after a first command, or by {@code same daemon start}) handles
     * SIGINT and SIGQUIT as a daemon started by hand does: a shell's {@code &} would have them ignored, by the daemon
     * (then {@code kill -INT} does not stop it) and by every task it runs.
     */
    @Test
    void aDaemonStartedInTheBackgroundIgnoresNeitherSigintNorSigquitAndStopsOnSigint() throws Exception {
        ok("run", "quick", "--ci"); // the first command: its daemon starts as it ends
        long first = ws.daemonPid();
        assertEquals(0, ignoredSignals(first) & INT_AND_QUIT, "SIGINT and SIGQUIT handled by default");
        interrupt(first);
        awaitGone(first);

        ok("daemon", "start");
        long started = ws.daemonPid();
        assertEquals(0, ignoredSignals(started) & INT_AND_QUIT, "SIGINT and SIGQUIT handled by default");
        interrupt(started);
        awaitGone(started);
    }

    /** Bits 1 and 2 of a signal mask: SIGINT (2) and SIGQUIT (3). */
    private static final long INT_AND_QUIT = 0x6;

    /** The mask of the signals the process ignores, from {@code /proc/<pid>/status}. */
    private static long ignoredSignals(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .mapToLong(line -> Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16))
                .findFirst().orElseThrow();
    }

    private static void interrupt(long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor());
    }

    /** The processes of this workspace that wait for the word to start its daemon. */
    private List<ProcessHandle> waitingToStartADaemon() {
        try (var all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine()
                    .map(line -> line.contains("read -r go") && line.contains(ws.root.toString())).orElse(false))
                    .toList();
        }
    }

    @Test
    void killingTheDaemonDuringARunIsOneClearErrorAndNothingIsRecorded() throws Exception {
        Running run = startSlowRun(List.of());
        long daemon = ws.daemonPid();
        List<ProcessHandle> tasks = ws.taskProcesses();
        DaemonWorkspace.kill9(daemon);

        Result lost = run.await();
        assertEquals(1, lost.exitCode(), lost.toString());
        assertTrue(lost.stderr().contains("✗ Error: lost the connection to the daemon during the run"),
                lost.toString());
        assertTrue(lost.stderr().contains("tasks that did not finish are not cached"), lost.toString());
        assertFalse(lost.stderr().contains("\tat ") || lost.stderr().contains("Exception"),
                "no stack trace: " + lost);
        // a daemon killed with -9 cannot take its task processes along: they run on, orphaned
        assertTrue(tasks.stream().allMatch(ProcessHandle::isAlive), "orphaned tasks still running");

        assertEquals(List.of(), ws.actionRecords(), "nothing half-written");
        ok("daemon", "start"); // a new daemon, which kills what the old one left running
        assertNextRunExecutesTheTask();
        assertNotEquals(daemon, ws.daemonPid());
        tasks.forEach(task -> poll(() -> !task.isAlive(), "orphaned task process " + task.pid() + " to be killed"));
        assertTrue(Files.readString(ws.root.resolve(".same/daemon/daemon.log"))
                .contains("that a daemon killed before them had left running"), "said in the daemon's log");
        assertNoTemporaryFiles(); // the killed daemon's log of the task, removed by the next daemon
    }

    @Test
    void sigtermToTheDaemonCancelsTheRunAndCleansUp() throws Exception {
        Running run = startSlowRun(List.of());
        long daemon = ws.daemonPid();
        List<ProcessHandle> tasks = ws.taskProcesses();
        Path socket = Path.of(ws.discovery().orElseThrow().path("socket").asText());
        DaemonWorkspace.signal(daemon, "TERM");

        Result ended = run.await();
        assertEquals(1, ended.exitCode(), ended.toString());
        assertTrue(ended.stderr().contains("[slow] ✗ Cancelled"), "the cancelled result reached the CLI: " + ended);
        assertFalse(ended.stderr().contains("lost the connection"), "a stop is not a crash: " + ended);
        assertFalse(ended.stderr().contains("\tat "), "no stack trace: " + ended);
        awaitGone(daemon);
        tasks.forEach(task -> poll(() -> !task.isAlive(), "task process " + task.pid() + " to be killed"));
        assertTrue(DaemonWorkspace.read(ws.stateDirectory().resolve("daemon.log")).contains("shutting down: signal"));
        assertFalse(Files.exists(socket), "the socket is removed");
        assertFalse(Files.exists(ws.discoveryFile()), "the discovery file is removed");
        assertEquals(List.of(), ws.actionRecords());
        assertNoTemporaryFiles();
        assertNextRunExecutesTheTask();
    }

    @Test
    void ctrlCCancelsTheRunInTheDaemon() throws Exception {
        // a CLI started from a non-interactive shell may inherit SIGINT ignored; a terminal's Ctrl-C never is
        Running run = startSlowRun(List.of("env", "--default-signal=INT"));
        long daemon = ws.daemonPid();
        List<ProcessHandle> tasks = ws.taskProcesses();
        DaemonWorkspace.signal(run.process.pid(), "INT");

        Result interrupted = run.await();
        assertNotEquals(0, interrupted.exitCode(), interrupted.toString());
        assertFalse(interrupted.stderr().contains("\tat "), "no stack trace: " + interrupted);
        tasks.forEach(task -> poll(() -> !task.isAlive(), "task process " + task.pid() + " to be killed"));
        assertEquals(List.of(), ws.actionRecords(), "a cancelled task is not recorded");
        assertTrue(alive(daemon), "the daemon stays");
        poll(() -> activeRuns().isEmpty(), "the run to leave the daemon's active runs");
        assertNoTemporaryFiles();
        assertNextRunExecutesTheTask();
        assertEquals(daemon, ws.daemonPid());
    }

    @Test
    void aClientThatDisappearsHasItsRunCancelled() throws Exception {
        Running run = startSlowRun(List.of());
        long daemon = ws.daemonPid();
        List<ProcessHandle> tasks = ws.taskProcesses();
        run.process.destroyForcibly(); // kill -9: no shutdown hook, no run/cancel; only the socket closes
        awaitGone(run.process.pid());

        tasks.forEach(task -> poll(() -> !task.isAlive(), "task process " + task.pid() + " to be killed"));
        assertEquals(List.of(), ws.actionRecords());
        assertTrue(alive(daemon), "the daemon stays");
        poll(() -> activeRuns().isEmpty(), "the run to leave the daemon's active runs");
        assertNoTemporaryFiles();
        assertNextRunExecutesTheTask();
        assertEquals(daemon, ws.daemonPid());
    }

    /** No task log in .same/tmp, no temporary file of an atomic write anywhere under .same/. */
    private void assertNoTemporaryFiles() throws Exception {
        try (var files = Files.walk(ws.root.resolve(".same"))) {
            List<String> temporary = files.filter(Files::isRegularFile).map(f -> ws.root.relativize(f).toString())
                    .filter(f -> f.startsWith(".same/tmp/") || f.endsWith(".same-tmp") || f.endsWith(".tmp"))
                    .toList();
            assertEquals(List.of(), temporary);
        }
    }

    private List<String> activeRuns() {
        try {
            List<String> runs = new ArrayList<>();
            statusJson().path("activeRuns").forEach(id -> runs.add(id.asText()));
            return runs;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void eightRunsAtOnceWithoutADaemonAllSucceedAndLeaveExactlyOneDaemon() throws Exception {
        List<Running> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(ws.start("run", "quick", "--ci"));
        }
        for (Running run : runs) {
            Result result = run.await();
            assertEquals(0, result.exitCode(), result.toString());
            assertFalse(result.stderr().contains("daemon"), "no word about the daemon: " + result);
        }
        long pid = ws.daemonPid();
        poll(() -> ws.daemonProcesses().size() <= 1, "the daemons that lost the race to exit");
        List<ProcessHandle> daemons = ws.daemonProcesses();
        assertEquals(1, daemons.size(), "exactly one daemon remains");
        assertEquals(pid, daemons.getFirst().pid());

        ok("run", "quick", "--ci");
        JsonNode status = statusJson();
        assertEquals(1, status.path("cacheHits").asLong() + status.path("cacheMisses").asLong(),
                "the next run was served by that daemon: " + status);
    }

    @Test
    void outputAndExitCodeAreTheSameWithAndWithoutTheDaemon() throws Exception {
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  a:
                    cmd: ["sh", "-c", "echo a one; echo a two; echo a to stderr >&2"]
                  b:
                    cmd: ["sh", "-c", "printf 'b without newline'"]
                    dependsOn: ["a"]
                  c:
                    cmd: ["sh", "-c", "echo c ünïcödé ✓; echo; echo c after an empty line"]
                    dependsOn: ["b"]
                """);
        assertSameOutput("c", 0);

        ws.file("same.yaml", """
                version: "1"
                tasks:
                  a:
                    cmd: ["sh", "-c", "echo a ok"]
                  b:
                    cmd: ["sh", "-c", "echo b fails; echo b error >&2; exit 3"]
                    dependsOn: ["a"]
                  c:
                    cmd: ["sh", "-c", "echo c never runs"]
                    dependsOn: ["b"]
                  d:
                    cmd: ["sh", "-c", "echo d unrelated"]
                    dependsOn: ["a"]
                """);
        assertSameOutput("all", 1);
    }

    private void assertSameOutput(String target, int exitCode) throws Exception {
        ok("daemon", "start");
        Result daemon = ws.same("run", target, "--ci", "--no-cache", "-j", "1");
        Result inProcess = ws.same("run", target, "--ci", "--no-cache", "-j", "1", "--no-daemon");
        assertEquals(exitCode, daemon.exitCode(), daemon.toString());
        assertEquals(exitCode, inProcess.exitCode(), inProcess.toString());
        assertEquals(inProcess.stdout(), daemon.stdout());
        assertEquals(withoutDurations(inProcess.stderr()), withoutDurations(daemon.stderr()));
        assertTrue(alive(ws.daemonPid()), "the first one did use the daemon");
        assertEquals(1, ws.daemonProcesses().size());
    }

    private static String withoutDurations(String text) {
        return text.replaceAll("\\d+(\\.\\d+)?(ms|s)\\b", "<time>");
    }

    @Test
    void aRebuiltClientReplacesTheDaemonOfTheOldBuild() throws Exception {
        ok("run", "quick", "--ci");
        long old = ws.daemonPid();
        String oldVersion = statusJson().path("version").asText();

        Path copy = Files.createTempDirectory("same-daemon-it-dist");
        ws.deleteOnClose(copy);
        Path dist = Path.of(System.getProperty("same.dist", "target/same")).toAbsolutePath();
        TestFiles.copyTree(dist, copy);
        Path jar = copy.resolve("lib/same-cli.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 3_600_000));
        ws.useDistribution(copy);

        Result run = ok("run", "quick", "--ci");
        assertFalse(run.stderr().contains("unavailable"), run.toString());
        long replacement = ws.daemonPid();
        assertNotEquals(old, replacement);
        awaitGone(old);
        JsonNode status = statusJson();
        assertEquals(replacement, status.path("pid").asLong());
        assertNotEquals(oldVersion, status.path("version").asText());
        assertEquals(1, ws.daemonProcesses().size());
    }
}
