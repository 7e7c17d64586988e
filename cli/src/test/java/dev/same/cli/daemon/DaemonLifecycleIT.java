package dev.same.cli.daemon;

import static dev.same.cli.daemon.DaemonWorkspace.alive;
import static dev.same.cli.daemon.DaemonWorkspace.awaitGone;
import static dev.same.cli.daemon.DaemonWorkspace.poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.same.cli.daemon.DaemonWorkspace.Result;
import dev.same.protocol.client.DaemonAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The daemon's life through the real launcher: spawn, status, stop, restart, idle shutdown, crash recovery. */
@Timeout(120)
class DaemonLifecycleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private DaemonWorkspace ws;

    @BeforeEach
    void workspace() throws Exception {
        ws = new DaemonWorkspace();
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  hello:
                    cmd: ["sh", "-c", "echo hello from the task; : %s"]
                    input: ["src"]
                """.formatted(ws.marker)).file("src/in.txt", "1\n");
    }

    @AfterEach
    void stopEverything() throws Exception {
        ws.close();
        assertTrue(ws.daemonProcesses().isEmpty(), "no daemon outlives its test");
    }

    private Result ok(String... args) throws Exception {
        Result result = ws.same(args);
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    private JsonNode statusJson() throws Exception {
        return JSON.readTree(ok("daemon", "status", "--json").stdout());
    }

    @Test
    void theFirstRunStartsTheDaemonForTheNextOnesWhichStatusShowsAndStopEnds() throws Exception {
        Result run = ok("run", "hello", "--ci");
        assertTrue(run.stdout().contains("[hello] hello from the task"), run.toString());
        assertFalse(run.stderr().contains("daemon"), "served in process without a word: " + run);

        long pid = ws.daemonPid(); // started as the run ended
        JsonNode discovery = ws.discovery().orElseThrow();
        assertTrue(alive(pid), "the daemon runs after the CLI exited");
        assertEquals(List.of(pid), ws.daemonProcesses().stream().map(ProcessHandle::pid).toList());
        Path socket = Path.of(discovery.path("socket").asText());
        assertEquals(ws.runtimeDir.resolve("same"), socket.getParent());
        assertTrue(Files.exists(socket), socket.toString());
        assertEquals(ws.root.toString(), discovery.path("root").asText());
        assertTrue(Files.exists(ws.stateDirectory().resolve("daemon.log")));

        Result second = ok("run", "hello", "--ci");
        assertTrue(second.stderr().contains("Cached"), second.toString());
        assertEquals(pid, ws.daemonPid(), "the second run used the daemon");

        Result status = ok("daemon", "status");
        assertTrue(status.stdout().contains("same daemon running"), status.toString());
        assertTrue(status.stdout().matches("(?s).*pid\\s+" + pid + "\\n.*"), status.toString());
        assertTrue(status.stdout().contains(socket.toString()), status.toString());
        assertTrue(status.stdout().contains("1 hits, 0 misses since start"), "the second run: " + status);
        assertTrue(status.stdout().contains("idle timeout  3h, stops in "), status.toString());

        JsonNode json = statusJson();
        assertEquals(pid, json.path("pid").asLong());
        assertEquals(ws.root.toString(), json.path("root").asText());
        assertEquals(socket.toString(), json.path("socket").asText());
        assertEquals(discovery.path("version").asText(), json.path("version").asText());
        assertEquals(3 * 3600_000, json.path("idleTimeoutMillis").asLong());
        assertTrue(json.path("uptimeMillis").asLong() >= 0);
        assertEquals(1, json.path("clients").size(), "the asking client: " + json);

        assertTrue(ok("daemon", "logs").stdout().contains("(pid " + pid + ") serving " + ws.root), "daemon logs");

        Result stop = ok("daemon", "stop");
        assertEquals("same daemon stopped\n", stop.stdout());
        awaitGone(pid);
        assertFalse(Files.exists(socket), "the socket is removed");
        assertFalse(Files.exists(ws.discoveryFile()), "the discovery file is removed");
        assertEquals("no daemon is running\n", ok("daemon", "stop").stdout());
    }

    @Test
    void daemonStopRightAfterTheFirstCommandStopsTheDaemonThatCommandStarted() throws Exception {
        ok("run", "hello", "--ci"); // ends by starting a daemon in the background, which takes a while to answer

        assertEquals("same daemon stopped\n", ok("daemon", "stop").stdout());
        ws.daemonProcesses().forEach(daemon -> awaitGone(daemon.pid()));
        assertTrue(ws.daemonProcesses().isEmpty(), "no daemon left");
    }

    @Test
    void statusNeverSpawnsADaemon() throws Exception {
        Result status = ok("daemon", "status");
        assertTrue(status.stdout().startsWith("no daemon is running"), status.toString());
        assertEquals("{\"running\":false}", ok("daemon", "status", "--json").stdout().strip());
        assertTrue(ws.daemonProcesses().isEmpty());
        assertFalse(Files.exists(ws.discoveryFile()));
    }

    @Test
    void restartReplacesTheDaemon() throws Exception {
        ok("daemon", "start");
        long first = ws.daemonPid();
        Result restart = ok("daemon", "restart");
        long second = ws.daemonPid();
        assertNotEquals(first, second);
        assertTrue(restart.stdout().contains("same daemon restarted (pid " + second + ")"), restart.toString());
        assertTrue(alive(second));
        awaitGone(first); // its lock is released when restart returns; the JVM ends a moment later
        assertEquals(second, statusJson().path("pid").asLong());
    }

    @Test
    void startIsIdempotent() throws Exception {
        Result start = ok("daemon", "start");
        long pid = ws.daemonPid();
        assertTrue(start.stdout().contains("same daemon running (pid " + pid + ","), start.toString());
        ok("daemon", "start");
        assertEquals(pid, ws.daemonPid());
        assertEquals(1, ws.daemonProcesses().size());
    }

    @Test
    void anIdleDaemonStopsByItselfAfterTheTimeoutFromTheEnvironment() throws Exception {
        ws.environment.put("SAME_DAEMON_IDLE_TIMEOUT", "5s");
        ok("run", "hello", "--ci");
        long pid = ws.daemonPid();
        awaitGone(pid);
        assertFalse(Files.exists(ws.discoveryFile()), "a clean shutdown removes the discovery file");
        assertTrue(DaemonWorkspace.read(ws.stateDirectory().resolve("daemon.log"))
                .contains("shutting down: idle for 5s"));
    }

    @Test
    void anIdleDaemonStopsByItselfAfterTheTimeoutGivenToStart() throws Exception {
        ok("daemon", "start", "--idle-timeout", "5s");
        long pid = ws.daemonPid();
        JsonNode status = statusJson();
        assertEquals(5000, status.path("idleTimeoutMillis").asLong());
        long left = status.path("idleRemainingMillis").asLong();
        assertTrue(left >= 0 && left <= 5000, "time left is reported: " + left);
        awaitGone(pid);
        assertTrue(ws.daemonProcesses().isEmpty());
    }

    @Test
    void aKilledDaemonLeavesItsSocketAndTheNextRunStartsANewOne() throws Exception {
        ok("run", "hello", "--ci");
        long first = ws.daemonPid();
        Path socket = Path.of(ws.discovery().orElseThrow().path("socket").asText());
        DaemonWorkspace.kill9(first);
        assertTrue(Files.exists(socket), "kill -9 leaves the socket file behind");
        assertTrue(ws.same("daemon", "status").stdout().startsWith("no daemon is running"));

        Result run = ok("run", "hello", "--ci");
        assertFalse(run.stderr().contains("unavailable"), run.toString());
        long second = ws.daemonPid();
        assertNotEquals(first, second);
        assertTrue(alive(second));
        assertEquals(second, statusJson().path("pid").asLong());
    }

    @Test
    void aSocketPathTooLongForUnixFallsBackToInProcessSayingWhatToDo() throws Exception {
        Path deep = Files.createDirectories(ws.runtimeDir.resolve("d".repeat(60)).resolve("e".repeat(40)));
        ws.environment.put("XDG_RUNTIME_DIR", deep.toString());

        Result run = ok("run", "hello", "--ci");
        assertTrue(run.stdout().contains("[hello] hello from the task"), run.toString());
        List<String> mentions = run.stderr().lines().filter(line -> line.contains("daemon")).toList();
        assertEquals(1, mentions.size(), run.toString());
        assertTrue(mentions.getFirst().contains("more than the 107 a Unix socket allows; set XDG_RUNTIME_DIR to a "
                + "shorter directory"), run.toString());
        assertFalse(run.stderr().contains("Exception"), run.toString());
        assertTrue(ws.daemonProcesses().isEmpty());
    }

    @Test
    void aSocketDirectoryOfAnotherUserWithItsFakeDaemonIsRefusedAndTheRunStaysInProcess() throws Exception {
        assumeTrue(DaemonAddress.currentUid() == 0, "needs root to act as a second user");
        Path socket = DaemonAddress.socketPath(ws.root, ws.environment);
        Path socketDir = socket.getParent();
        // as /tmp/same-<uid> would be: the other user's own directory, mode 0700, in a directory all may enter
        Files.setPosixFilePermissions(ws.runtimeDir, PosixFilePermissions.fromString("rwx--x--x"));
        Files.createDirectory(socketDir, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Files.setAttribute(socketDir, "unix:uid", ForeignDaemon.UID, LinkOption.NOFOLLOW_LINKS);
        String refusal = "refusing to use " + socketDir + ": owned by uid " + ForeignDaemon.UID
                + ", not you (uid 0); remove it or set XDG_RUNTIME_DIR to a private directory";

        try (ForeignDaemon fake = ForeignDaemon.serve(socket)) {
            assertEquals(ForeignDaemon.UID, Files.getAttribute(socket, "unix:uid", LinkOption.NOFOLLOW_LINKS));

            Result run = ok("run", "hello", "--ci");
            assertTrue(run.stdout().contains("[hello] hello from the task"), "the real task ran: " + run);
            List<String> mentions = run.stderr().lines().filter(line -> line.contains("daemon")).toList();
            assertEquals(1, mentions.size(), run.toString());
            assertTrue(mentions.getFirst().contains(refusal), run.toString());
            assertTrue(mentions.getFirst().endsWith("running in process"), run.toString());

            Result status = ws.same("daemon", "status");
            assertEquals(1, status.exitCode(), status.toString());
            assertEquals("✗ Error: " + refusal + "\n", status.stderr(), "one line, no stack trace");

            assertEquals(List.of(), fake.contacts(), "no client talked to the other user's daemon");
        }
        assertTrue(ws.daemonProcesses().isEmpty(), "no daemon of ours was started beside it");
        assertFalse(Files.exists(ws.discoveryFile()));
    }

    @Test
    void everythingUnderDotSameIsForTheUserAloneAndAnOlderReadableOneIsTightened() throws Exception {
        ws.file("same.yaml", """
                version: "1"
                env: { command: ["sh", "-c", "echo API_TOKEN=secret"] }
                tasks:
                  hello:
                    cmd: ["sh", "-c", "echo hello from the task; : %s"]
                    input: ["src"]
                """.formatted(ws.marker));
        // as an older version left it: directories 0755, files 0644
        Path old = ws.root.resolve(".same/cache/old/record.json");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "{}");
        for (Path path : List.of(ws.root.resolve(".same"), ws.root.resolve(".same/cache"), old.getParent())) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));

        ok("run", "hello", "--ci");
        ws.daemonPid(); // the first command starts the daemon in the background; status is then answered by it
        ok("status");

        Path dotSame = ws.root.resolve(".same");
        List<Path> all;
        try (var paths = Files.walk(dotSame)) {
            all = paths.filter(path -> !Files.isSymbolicLink(path)).toList();
        }
        for (String expected : List.of("daemon/daemon.log", "daemon/daemon.json", "daemon/lock", "cache/cas",
                "cache/actions", "tools/env", "cache/old/record.json")) {
            assertTrue(Files.exists(dotSame.resolve(expected)), expected + " among " + all);
        }
        List<String> openToOthers = all.stream().map(path -> dotSame.relativize(path) + " " + mode(path))
                .filter(pathAndMode -> !pathAndMode.endsWith("------")).toList();
        assertEquals(List.of(), openToOthers, "no group or other permissions");
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aDaemonSpawnedWithAnotherRuntimeDirIsFoundThroughItsDiscoveryFile() throws Exception {
        ok("run", "hello", "--ci");
        long pid = ws.daemonPid();
        Path otherRuntime = Files.createTempDirectory(Path.of("/tmp"), "sdo",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        ws.deleteOnClose(otherRuntime);
        ws.environment.put("XDG_RUNTIME_DIR", otherRuntime.toString()); // say, a terminal beside an IDE

        Result run = ok("run", "hello", "--ci");
        assertFalse(run.stderr().contains("unavailable"), run.toString());
        assertTrue(run.stderr().contains("Cached"), run.toString());
        assertEquals(pid, ws.daemonPid());
        assertEquals(1, ws.daemonProcesses().size(), "no second daemon");
        assertEquals(pid, statusJson().path("pid").asLong());
        assertEquals("same daemon stopped\n", ok("daemon", "stop").stdout());
        awaitGone(pid);
    }

    @Test
    void whileADaemonIsOnItsWayOutARunGoesInProcessAtOnceAndTheNextOneStartsADaemon() throws Exception {
        Files.createDirectories(ws.stateDirectory());
        // the test holds the lock as a stopping (or starting) daemon does for a moment
        try (FileChannel channel = FileChannel.open(ws.stateDirectory().resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            Result run = ok("run", "hello", "--ci");
            assertTrue(run.stdout().contains("[hello] hello from the task"), run.toString());
            assertFalse(run.stderr().contains("daemon"), run.toString());
            assertFalse(Files.exists(ws.stateDirectory().resolve("daemon.log")), "no second daemon was started");
        }
        ok("run", "hello", "--ci");
        assertTrue(alive(ws.daemonPid()));
    }

    @Test
    void noDaemonFlagAndSameDaemon0RunInProcess() throws Exception {
        Result flag = ok("run", "hello", "--ci", "--no-daemon");
        assertTrue(flag.stdout().contains("[hello] hello from the task"), flag.toString());
        ws.environment.put("SAME_DAEMON", "0");
        Result variable = ok("run", "hello", "--ci", "--no-cache");
        assertTrue(variable.stdout().contains("[hello] hello from the task"), variable.toString());
        assertFalse(flag.stderr().contains("daemon") || variable.stderr().contains("daemon"),
                flag + "\n" + variable);

        assertTrue(ws.daemonProcesses().isEmpty());
        assertFalse(Files.exists(ws.discoveryFile()));
        assertFalse(Files.exists(ws.runtimeDir.resolve("same")), "no socket directory either");
    }

    @Test
    void whenTheDaemonCannotStartTheRunFallsBackToInProcessWithOneLine() throws Exception {
        Path elsewhere = Files.createTempDirectory("same-daemon-it-elsewhere");
        ws.deleteOnClose(elsewhere);
        Files.createSymbolicLink(ws.runtimeDir.resolve("same"), elsewhere);

        Result run = ok("run", "hello", "--ci");
        assertTrue(run.stdout().contains("[hello] hello from the task"), run.toString());
        List<String> mentions = run.stderr().lines().filter(line -> line.contains("daemon")).toList();
        assertEquals(1, mentions.size(), run.toString());
        assertTrue(mentions.getFirst().contains("the daemon is unavailable"), run.toString());
        assertTrue(mentions.getFirst().contains("symbolic link"), "says why: " + run);
        assertFalse(run.stderr().contains("\tat ") || run.stderr().contains("Exception"), "no stack trace: " + run);
        assertTrue(ws.daemonProcesses().isEmpty());
        try (var files = Files.list(elsewhere)) {
            assertEquals(0, files.count(), "nothing was created through the symlink");
        }
    }
}
