package dev.same.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command leaves a thread waiting in native code when it ends: the JVM's exit would wait up to 300 ms for it,
 * which once made every command run in process 300 ms slower (the NIO pipe to the in-process server, the daemon
 * started in the background as a child, the remote cache's HTTP client). Each command runs in a JVM of its own,
 * through {@link NativeThreadsAtExit}, so no thread of another test hides one.
 */
class NativeThreadsAtExitIT {
    @TempDir
    Path temp;
    private Path root;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void workspace() throws IOException {
        root = Files.createDirectory(temp.resolve("workspace")).toRealPath();
        Files.writeString(root.resolve("same.yaml"), """
                version: "1"
                tasks:
                  build:
                    cmd: ["sh", "-c", "mkdir -p out && cat src/main.txt > out/app.txt && echo built"]
                    input: ["src"]
                    target: ["out"]
                """);
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/main.txt"), "hello\n");
        Path runtime = Files.createDirectory(temp.resolve("runtime"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        environment.put("XDG_RUNTIME_DIR", runtime.toString());
        environment.put("HOME", temp.toString());
        environment.put("PATH", System.getenv("PATH"));
    }

    @AfterEach
    void stopDaemon() throws Exception {
        same("daemon", "stop");
    }

    @Test
    void commandsRunInProcess() throws Exception {
        assertLeavesNone(same("run", "all", "--no-daemon"));
        assertLeavesNone(same("status", "--no-daemon"));
        assertLeavesNone(same("why", "build", "--no-daemon"));
    }

    @Test
    void theFirstCommandWhichStartsTheDaemonInTheBackground() throws Exception {
        Finished first = same("status");
        assertLeavesNone(first);
        Finished warm = awaitDaemonThen("status");
        assertLeavesNone(warm);
        assertLeavesNone(same("run", "all"));
        assertLeavesNone(same("daemon", "stop"));
    }

    @Test
    void daemonStartAsEditorsRunIt() throws Exception {
        assertLeavesNone(same("daemon", "start"));
        assertLeavesNone(same("status"));
    }

    @Test
    void aDaemonThatCannotStartIsReportedWithItsLogsLastLine() throws Exception {
        environment.put("SAME_DAEMON_JAVA_OPTS", "-XX:+NoSuchOption");
        Finished start = same("daemon", "start");
        assertEquals(1, start.status(), start.toString());
        assertTrue(start.stderr().contains("the daemon exited at start: Error: "),
                start.toString());
        assertEquals(List.of(), start.stderr().lines().filter(line -> line.startsWith("in native code")).toList());
    }

    @Test
    void runsWithARemoteCacheUploadingAndRestoring() throws Exception {
        try (TrainingRemoteCache remote = TrainingRemoteCache.start()) {
            environment.put("SAME_REMOTE_CACHE_URL", remote.url());
            Finished upload = same("run", "all", "--no-daemon");
            assertLeavesNone(upload);
            AotTraining.deleteTree(root.resolve(".same"));
            AotTraining.deleteTree(root.resolve("out"));
            Finished restore = same("run", "all", "--no-daemon");
            assertLeavesNone(restore);
            assertTrue(restore.stderr().contains("Cached (remote"), "restored from the remote cache: " + restore);
        }
    }

    private void assertLeavesNone(Finished command) {
        assertEquals(0, command.status(), command.toString());
        assertEquals(List.of(), command.stderr().lines().filter(line -> line.startsWith("in native code")).toList(),
                command.toString());
    }

    /** Waits until a daemon answers, then runs {@code args} against it. */
    private Finished awaitDaemonThen(String... args) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Finished status = same("daemon", "status");
            if (status.status() == 0 && status.stdout().contains("running")) {
                return same(args);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no daemon answered: " + status);
            }
            Thread.sleep(50);
        }
    }

    private Finished same(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                NativeThreadsAtExit.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(temp.resolve("out.txt").toFile()).redirectError(temp.resolve("err.txt").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("same " + String.join(" ", args) + " did not end");
        }
        return new Finished(String.join(" ", args), process.exitValue(), Files.readString(temp.resolve("out.txt")),
                Files.readString(temp.resolve("err.txt")));
    }

    private record Finished(String command, int status, String stdout, String stderr) {
        @Override
        public String toString() {
            return "same " + command + "\n-- exit " + status + "\n-- stdout:\n" + stdout + "-- stderr:\n" + stderr;
        }
    }
}
