package dev.same.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.cli.daemon.DaemonWorkspace.Result;
import dev.same.cli.daemon.DaemonWorkspace.Running;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A command that runs in process starts from the launcher's in-process AOT cache (the CLI's own cache holds the
 * warm path only): at once when no daemon is announced in the workspace, else the CLI finds no daemon answering
 * and hands the command over to a JVM started with that cache, which behaves as the command would: same output
 * and exit status, a Ctrl-C or a kill of the CLI ends its run and its tasks. The JVMs' class loading, logged
 * through SAME_JAVA_OPTS, tells how many JVMs ran and which cache served the engine.
 */
@Timeout(600)
class InProcessHandOverIT {
    private static final String ENGINE_FROM_CACHE = "dev.same.server.service.WorkspaceEngine source: shared objects file";
    /** Logged once by every JVM. */
    private static final String JVM_START = "java.lang.Object source: ";

    private DaemonWorkspace ws;

    @BeforeEach
    void workspace() throws Exception {
        ws = new DaemonWorkspace();
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  hello:
                    cmd: ["sh", "-c", "echo hello; : %s"]
                  slow:
                    cmd: ["sh", "-c", "echo started; sleep 60; : %s"]
                """.formatted(ws.marker, ws.marker));
        ws.awaitAotCache("in-process");
    }

    @AfterEach
    void stopEverything() throws Exception {
        ws.close();
    }

    @Test
    void withNoDaemonAnnouncedTheLauncherStartsTheCommandWithTheInProcessCacheThenADaemonStarts() throws Exception {
        ws.environment.put("SAME_JAVA_OPTS", "-Xlog:class+load");

        Result run = ws.same("run", "hello", "--ci");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("[hello] hello"), run.toString());
        assertEquals(1, jvms(run), "one JVM: " + run);
        assertTrue(run.stdout().contains(ENGINE_FROM_CACHE), "the engine came from the in-process cache: " + run);
        ws.daemonPid(); // and the daemon started for the commands that follow
    }

    @Test
    void aCommandThatFindsTheAnnouncedDaemonGoneHandsOverToAJvmWithTheInProcessCache() throws Exception {
        announceADaemonThatIsGone();
        ws.environment.put("SAME_JAVA_OPTS", "-Xlog:class+load");

        Result run = ws.same("run", "hello", "--ci");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("[hello] hello"), run.toString());
        assertEquals(2, jvms(run), "handed over to a second JVM: " + run);
        assertTrue(run.stdout().contains(ENGINE_FROM_CACHE), "the engine came from the in-process cache: " + run);
        ws.daemonPid();
    }

    /** What a daemon killed with -9 leaves: its discovery file, naming a process that is gone. */
    private void announceADaemonThatIsGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        ws.file(".same/daemon/daemon.json", """
                {"pid": %d, "version": "an-older-build", "socket": "%s", "root": "%s", "startedAtMillis": 0}
                """.formatted(gone.pid(), ws.runtimeDir.resolve("same/gone.sock"), ws.root));
    }

    @Test
    void noDaemonUsesTheInProcessCacheInOneJvm() throws Exception {
        ws.environment.put("SAME_JAVA_OPTS", "-Xlog:class+load");

        Result status = ws.same("status", "--no-daemon");

        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(status.stdout().contains(ENGINE_FROM_CACHE), status.toString());
        assertEquals(1, jvms(status), "no second JVM: " + status);
    }

    private static long jvms(Result result) {
        return result.stdout().lines().filter(line -> line.contains(JVM_START)).count();
    }

    /** A run of the slow task, handed over, once the task is running. */
    private record SlowRun(Running cli, List<ProcessHandle> tasks) {
    }

    private SlowRun startSlowRun() throws Exception {
        announceADaemonThatIsGone(); // so the launcher starts the CLI's JVM, which hands over
        Running run = ws.start("run", "slow", "--ci");
        run.awaitOutput("[slow] started");
        List<ProcessHandle> tasks = ws.taskProcesses();
        assertFalse(tasks.isEmpty(), "the task runs");
        return new SlowRun(run, tasks);
    }

    @Test
    void ctrlCOnTheCliThatHandedOverEndsTheRunAndKillsItsTask() throws Exception {
        SlowRun slow = startSlowRun();
        Running run = slow.cli();

        DaemonWorkspace.signal(run.process.pid(), "INT"); // to the CLI only, as a supervisor would

        Result interrupted = run.await();
        assertEquals(130, interrupted.exitCode(), interrupted.toString());
        assertFalse(interrupted.stderr().contains("Exception"), interrupted.toString());
        slow.tasks().forEach(task -> DaemonWorkspace.awaitGone(task.pid()));
    }

    @Test
    void killingTheCliThatHandedOverEndsTheRunAndKillsItsTask() throws Exception {
        SlowRun slow = startSlowRun();
        List<ProcessHandle> handedOver = slow.cli().process.descendants()
                .filter(p -> p.info().commandLine().map(line -> line.contains("dev.same.cli.Main")).orElse(false))
                .toList();
        assertEquals(1, handedOver.size(), "the JVM the CLI handed over to");

        DaemonWorkspace.kill9(slow.cli().process.pid());

        slow.tasks().forEach(task -> DaemonWorkspace.awaitGone(task.pid()));
        // and that JVM ends too, once it has cancelled the run and saved its state
        handedOver.forEach(jvm -> DaemonWorkspace.awaitGone(jvm.pid()));
    }
}
