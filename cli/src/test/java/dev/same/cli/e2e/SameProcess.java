package dev.same.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The real {@code same} launcher of the built distribution ({@code same.dist}), run as a child process in a
 * directory with a controlled environment. Stdout and stderr go to files, so output of any size never blocks
 * the process and can be watched while it runs.
 */
final class SameProcess {
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final List<String> command;

    private SameProcess(Process process, Path stdout, Path stderr, List<String> command) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.command = command;
    }

    /** How a finished run ended. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        List<String> outLines() {
            return stdout.lines().toList();
        }

        List<String> errLines() {
            return stderr.lines().toList();
        }

        @Override
        public String toString() {
            return String.join(" ", command) + "\n-- exit " + exitCode + "\n-- stdout:\n" + stdout + "-- stderr:\n"
                    + stderr;
        }
    }

    static Path launcher() {
        String dist = System.getProperty("same.dist");
        if (dist == null) {
            throw new IllegalStateException("system property same.dist is not set: run the *IT tests with failsafe");
        }
        return Path.of(dist, "bin", "same");
    }

    /** The environment every run gets: nothing of the test JVM's own leaks in. */
    static Map<String, String> baseEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SAME_JAVA_HOME", System.getProperty("java.home"));
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("NO_COLOR", "1");
        env.put("CI", "1");
        env.put("SAME_DAEMON", "0");
        return env;
    }

    /** Starts {@code same args...} in {@code dir}; output goes to files in {@code logDir}. */
    static SameProcess start(Path dir, Path logDir, Map<String, String> extraEnv, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(args);
        int n = RUNS.incrementAndGet();
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve("run-" + n + ".out");
            Path err = logDir.resolve("run-" + n + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(baseEnvironment());
            builder.environment().putAll(extraEnv);
            return new SameProcess(builder.start(), out, err, command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    String stdoutSoFar() {
        return read(stdout);
    }

    String stderrSoFar() {
        return read(stderr);
    }

    /** Sends SIGINT, as Ctrl-C in a terminal would (to this process only). */
    void interrupt() {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -INT " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for the process to exit; kills it and fails when it takes longer than {@link #TIMEOUT}. */
    Result await() {
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("timed out after " + TIMEOUT + ": " + String.join(" ", command)
                        + "\n-- stdout:\n" + stdoutSoFar() + "-- stderr:\n" + stderrSoFar());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError(e);
        }
        return new Result(command, process.exitValue(), stdoutSoFar(), stderrSoFar());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code condition} until it holds; fails after {@link #TIMEOUT}. */
    static void waitUntil(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
