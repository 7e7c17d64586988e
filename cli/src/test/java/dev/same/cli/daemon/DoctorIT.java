package dev.same.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.cli.daemon.DaemonWorkspace.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code same doctor} on a real workspace through the real launcher and daemon. */
@Timeout(600)
class DoctorIT {
    private DaemonWorkspace ws;

    @BeforeEach
    void workspace() throws Exception {
        ws = new DaemonWorkspace();
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  hello:
                    cmd: ["sh", "-c", "echo hello > out.txt; : %s"]
                    input: ["src"]
                    target: ["out.txt"]
                """.formatted(ws.marker)).file("src/in.txt", "1\n");
    }

    @AfterEach
    void stopEverything() throws Exception {
        ws.close();
    }

    @Test
    void withDirtyTasksItMeasuresStatusButDoesNotRunTheBuild() throws Exception {
        Result doctor = ws.same("doctor", "--samples", "1");

        assertEquals(0, doctor.exitCode(), doctor.toString());
        String out = doctor.stdout();
        assertTrue(out.contains("Java runtime") && out.contains("java ") && out.contains("AOT cache"), out);
        assertTrue(out.contains("file watcher") && out.contains("OK") && out.contains("inotify budget"), out);
        Process cat = new ProcessBuilder("cat", "/proc/sys/fs/inotify/max_user_watches").start();
        String limit = new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(out.contains(" of " + limit + " watches"), "the inotify limit as cat reads it, " + limit + ": " + out);
        assertTrue(out.contains("not measured: 1 of 1 tasks are not cached; run 'same run all' first"), out);
        assertTrue(out.contains("ms with the daemon") && out.contains("with --no-daemon"), out);
        assertTrue(out.contains("watcher round trip"), out);
        assertTrue(out.contains("'same status' takes"), out);
        assertTrue(!java.nio.file.Files.exists(ws.root.resolve("out.txt")), "the doctor ran no task");
    }

    @Test
    void theLauncherTrainsAnAotCacheInTheBackgroundThatLaterCommandsUse() throws Exception {
        assertEquals(0, ws.same("status").exitCode());
        Path cli = ws.awaitAotCache("cli");

        Result doctor = ws.same("doctor", "--samples", "1");

        assertTrue(doctor.stdout().contains("AOT cache            in use: " + cli), doctor.toString());

        // the daemon's own cache is trained after the CLI's, and daemons started from then on use it
        Path daemon = ws.awaitAotCache("daemon");
        assertEquals(0, ws.same("daemon", "restart").exitCode());
        String commandLine = ProcessHandle.of(ws.daemonPid()).orElseThrow().info().commandLine().orElseThrow();
        assertTrue(commandLine.contains("-XX:AOTCache=" + daemon + " "), commandLine);
        assertEquals(0, ws.same("run", "all", "--ci").exitCode(), "a daemon started with its cache serves");
    }

    @Test
    void withEverythingCachedItComparesWarmRuns() throws Exception {
        assertEquals(0, ws.same("run", "all", "--ci").exitCode());

        Result doctor = ws.same("doctor", "--samples", "1");

        assertEquals(0, doctor.exitCode(), doctor.toString());
        assertTrue(doctor.stdout().contains("with --no-daemon (all cached)"), doctor.toString());
        assertTrue(doctor.stdout().contains("a warm 'same run all' takes"), doctor.toString());
    }
}
