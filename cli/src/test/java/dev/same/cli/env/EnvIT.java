package dev.same.cli.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Task environments from env commands, through the packaged {@code bin/same}. */
class EnvIT {
    @TempDir
    Path workspace;
    @TempDir
    Path runtime;

    record Result(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\n-- stdout:\n" + stdout + "-- stderr:\n" + stderr;
        }
    }

    private Result same(Map<String, String> extra, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("same.dist"), "bin", "same").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(runtime, "out", ".txt");
        Path err = Files.createTempFile(runtime, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(environment());
        env.putAll(extra);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("same " + String.join(" ", args) + " did not finish in 120s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Result same(String... args) throws IOException, InterruptedException {
        return same(Map.of(), args);
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SAME_JAVA_HOME", System.getProperty("java.home"));
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("SAME_DAEMON", "0");
        env.put("CI", "1");
        env.put("NO_COLOR", "1");
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        return env;
    }

    private void write(String relative, String content) throws IOException {
        Path path = workspace.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    @Test
    void aTaskGetsTheVariablesItsEnvCommandPrints() throws Exception {
        write("same.yaml", """
                env:
                  command: [sh, -c, 'echo "GREETING=hello from $(cat .tool-versions)"']
                  files: [.tool-versions]
                tasks:
                  build:
                    cmd: [sh, -c, 'echo "greeting: $GREETING"']
                """);
        write(".tool-versions", "nodejs 22\n");

        Result run = same("run", "build");

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.stdout().contains("[build] greeting: hello from nodejs 22"), run.toString());
        try (var stored = Files.list(workspace.resolve(".same/tools/env"))) {
            assertEquals(1, stored.count());
        }
    }

    @Test
    void aFailingEnvCommandStopsTheRunBeforeAnyTaskExecutes() throws Exception {
        write("same.yaml", """
                tasks:
                  first:
                    cmd: [touch, first-ran]
                  broken:
                    cmd: [touch, broken-ran]
                    dependsOn: [first]
                    env:
                      command: [sh, -c, 'echo "mise: node 99 is not installed" >&2; exit 2']
                """);

        Result run = same("run", "all");

        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.stderr().contains("✗ Error: environment command failed with exit status 2: sh -c"),
                run.toString());
        assertTrue(run.stderr().contains("mise: node 99 is not installed"), run.toString());
        assertTrue(run.stderr().contains("needed by broken; no task was started"), run.toString());
        assertFalse(run.stderr().contains("Starting"), run.toString());
        assertFalse(Files.exists(workspace.resolve("first-ran")), "no task may start");
        assertFalse(Files.exists(workspace.resolve("broken-ran")));
    }

    @Test
    void sameEnvPrintsTheTasksVariablesAsJson() throws Exception {
        write("same.yaml", """
                tasks:
                  build:
                    cmd: [make]
                    environment: { MODE: release, X: from-task }
                    env:
                      command: [sh, -c, 'echo "{\\"X\\": \\"from-env\\", \\"PATH\\": \\"/opt/tools/bin\\"}"']
                """);

        Result env = same("env", "build", "--json");

        assertEquals(0, env.exit(), env.toString());
        JsonNode json = new ObjectMapper().readTree(env.stdout());
        assertEquals("build", json.path("task").asText());
        assertTrue(json.path("hash").asText().matches("[0-9a-f]{64}"), env.stdout());
        assertEquals("from-task", json.path("variables").path("X").asText(), "the task's environment wins");
        assertEquals("release", json.path("variables").path("MODE").asText());
        assertEquals("/opt/tools/bin:" + environment().get("PATH"), json.path("variables").path("PATH").asText());
        assertEquals(environment().get("HOME"), json.path("variables").path("HOME").asText());
        assertTrue(json.path("source").asText().startsWith("command: sh -c"), env.stdout());

        Result text = same("env", "build");
        assertEquals(0, text.exit(), text.toString());
        assertTrue(text.stdout().contains("export MODE=release\n"), text.toString());
    }

    @Test
    void theDaemonNoticesAChangedFileAndCountsItsEnvironmentCache() throws Exception {
        write("same.yaml", """
                env:
                  command: [sh, -c, 'echo "NODE=$(cat .tool-versions)"']
                  files: [.tool-versions]
                tasks:
                  build:
                    cmd: [make]
                """);
        write(".tool-versions", "22\n");
        Map<String, String> daemon = Map.of("SAME_DAEMON", "1", "SAME_DAEMON_IDLE_TIMEOUT", "2m");
        try {
            same(daemon, "daemon", "start"); // a command that finds no daemon runs in process
            Result first = same(daemon, "env", "build", "--json");
            write(".tool-versions", "24\n");
            Result second = same(daemon, "env", "build", "--json");
            Result status = same(daemon, "daemon", "status");

            assertEquals("22", new ObjectMapper().readTree(first.stdout()).path("variables").path("NODE").asText(),
                    first.toString());
            assertEquals("24", new ObjectMapper().readTree(second.stdout()).path("variables").path("NODE").asText(),
                    second.toString());
            assertTrue(status.stdout().matches("(?s).*environments +\\d+ hits, 2 misses since start.*"),
                    status.toString());
        } finally {
            same(daemon, "daemon", "stop");
        }
    }
}
