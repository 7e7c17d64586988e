package dev.same.cli.daemon;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.same.protocol.client.ProcessLiveness;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A temporary workspace driven through the real {@code same} launcher of the distribution under test
 * ({@code same.dist}), with a controlled environment and its own short {@code XDG_RUNTIME_DIR}, so each test
 * has its own daemon. {@link #close()} stops every daemon and task process the test left behind.
 */
final class DaemonWorkspace implements AutoCloseable {
    static final long DEADLINE_MILLIS = 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAEMON_MAIN = "dev.same.server.daemon.DaemonMain";

    final Path root;
    final Path runtimeDir;
    /** Put in every task command, to find the task processes of this test. */
    final String marker = "same-it-" + UUID.randomUUID();
    final Map<String, String> environment = new HashMap<>();
    private final Path outputs;
    private final List<Process> started = new ArrayList<>();
    private final List<Path> extraDirectories = new ArrayList<>();
    private Path distribution = Path.of(System.getProperty("same.dist", "target/same")).toAbsolutePath();
    private int commands;

    DaemonWorkspace() throws IOException {
        root = Files.createTempDirectory("same-daemon-it").toRealPath();
        runtimeDir = Files.createTempDirectory(Path.of("/tmp"), "sdi",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        outputs = Files.createTempDirectory("same-daemon-it-out");
        environment.put("SAME_JAVA_HOME", System.getProperty("java.home"));
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", System.getProperty("user.home"));
        environment.put("NO_COLOR", "1");
        environment.put("CI", "1");
        environment.put("XDG_RUNTIME_DIR", runtimeDir.toString());
    }

    /** The result of a finished command. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** A command running in the background, its output going to files. */
    final class Running {
        final Process process;
        private final Path stdout;
        private final Path stderr;

        private Running(Process process, Path stdout, Path stderr) {
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        String stdout() {
            return read(stdout);
        }

        String stderr() {
            return read(stderr);
        }

        Result await() throws InterruptedException {
            if (!process.waitFor(DEADLINE_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("same did not finish within " + DEADLINE_MILLIS + " ms\n--- stdout\n" + stdout()
                        + "--- stderr\n" + stderr());
            }
            return new Result(process.exitValue(), stdout(), stderr());
        }

        /** Waits until the command printed {@code text} on stdout. */
        void awaitOutput(String text) {
            poll(() -> stdout().contains(text) || !process.isAlive(), "output '" + text + "'");
            if (!stdout().contains(text)) {
                fail("same ended before printing '" + text + "'\n--- stdout\n" + stdout() + "--- stderr\n"
                        + stderr());
            }
        }
    }

    DaemonWorkspace file(String relative, String content) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        return this;
    }

    /** The distribution whose launcher the commands run. */
    Path distribution() {
        return distribution;
    }

    /** Runs the CLI from another distribution (a copy), for the rebuilt-client case. */
    DaemonWorkspace useDistribution(Path other) {
        distribution = other;
        return this;
    }

    /** Deleted with the workspace. */
    void deleteOnClose(Path directory) {
        extraDirectories.add(directory);
    }

    Result same(String... args) throws IOException, InterruptedException {
        return start(args).await();
    }

    Running start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /** Starts {@code same args}, preceded by {@code wrapper} (e.g. {@code env --default-signal=INT}). */
    Running start(List<String> wrapper, String... args) throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(distribution.resolve("bin/same").toString());
        command.addAll(List.of(args));
        int n = ++commands;
        Path stdout = outputs.resolve(n + ".out");
        Path stderr = outputs.resolve(n + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        return new Running(process, stdout, stderr);
    }

    Path stateDirectory() {
        return root.resolve(".same/daemon");
    }

    Path discoveryFile() {
        return stateDirectory().resolve("daemon.json");
    }

    /** {@code .same/daemon/daemon.json}, if present. */
    Optional<JsonNode> discovery() {
        try {
            return Optional.of(JSON.readTree(Files.readString(discoveryFile())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The pid of the workspace's daemon, once it serves: a command that finds no daemon runs in process and starts
     * one in the background, which announces itself in its discovery file when it listens.
     */
    long daemonPid() {
        poll(() -> discovery().map(found -> alive(found.path("pid").asLong())).orElse(false),
                "a live daemon in " + discoveryFile());
        return discovery().orElseThrow().path("pid").asLong();
    }

    /**
     * This build's AOT cache of that kind ({@code cli}, {@code in-process}, {@code daemon}), once the launcher has
     * trained it (starting the training if no command has yet); one of an earlier build may still lie there.
     */
    Path awaitAotCache(String kind) throws IOException, InterruptedException {
        Path aot = distribution.resolve("aot");
        same("version"); // the launcher trains what is missing, in the background
        String prefix = kind + "-" + Files.readString(distribution.resolve("lib/build-id")).strip()
                .replaceAll("[^A-Za-z0-9.+_-]", "_") + "-";
        // trained niced, one after the other: on a loaded machine it takes minutes
        poll(() -> findAotCache(aot, prefix) != null, "the AOT cache " + prefix + "* to be trained", 240_000);
        return findAotCache(aot, prefix);
    }

    private static Path findAotCache(Path aot, String prefix) {
        try (Stream<Path> files = Files.list(aot)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".aot")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Every live daemon process of this workspace, found by its command line. */
    List<ProcessHandle> daemonProcesses() {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine()
                            .map(line -> line.contains(DAEMON_MAIN) && line.contains(root.toString()))
                            .orElse(false))
                    .toList();
        }
    }

    /** The task processes of this workspace (those whose command line has the marker), with their children. */
    List<ProcessHandle> taskProcesses() {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                    .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                    .toList();
        }
    }

    static boolean alive(long pid) {
        return ProcessLiveness.isRunning(pid);
    }

    /** Polls until {@code condition} holds; fails after the deadline naming what it waited for. */
    static void poll(BooleanSupplier condition, String what) {
        poll(condition, what, DEADLINE_MILLIS);
    }

    /** As the other, with a deadline of its own (for background work that runs niced). */
    static void poll(BooleanSupplier condition, String what, long deadlineMillis) {
        long deadline = System.currentTimeMillis() + deadlineMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out after " + deadlineMillis + " ms waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static void awaitGone(long pid) {
        poll(() -> !alive(pid), "process " + pid + " to end");
    }

    static void kill9(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        awaitGone(pid);
    }

    /** Sends a signal by name ("INT", "TERM") with the system's kill command. */
    static void signal(long pid, String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        if (!kill.waitFor(DEADLINE_MILLIS, TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
            fail("kill -" + name + " " + pid + " failed");
        }
    }

    /** Files under {@code .same/cache/actions}: one per recorded successful task run. */
    List<Path> actionRecords() throws IOException {
        Path actions = root.resolve(".same/cache/actions");
        if (!Files.exists(actions)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(actions)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the daemon however it can (politely, then kill -9) and any task processes, then deletes it all. */
    @Override
    public void close() throws Exception {
        started.forEach(Process::destroyForcibly);
        if (!daemonProcesses().isEmpty()) {
            try {
                start("daemon", "stop").process.waitFor(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (IOException e) {
                // killed below
            }
        }
        discovery().map(d -> d.path("pid").asLong()).filter(DaemonWorkspace::alive)
                .ifPresent(DaemonWorkspace::kill9);
        daemonProcesses().forEach(p -> kill9(p.pid()));
        taskProcesses().forEach(p -> kill9(p.pid()));
        started.forEach(Process::destroyForcibly);
        for (Path dir : Stream.concat(Stream.of(root, runtimeDir, outputs), extraDirectories.stream()).toList()) {
            deleteTree(dir);
        }
    }

    /**
     * Deletes {@code dir} and what it holds. A process a test killed may still be ending and write its state (an
     * orphan's last save), so a directory that fills again while it is deleted is deleted again, until the deadline.
     */
    static void deleteTree(Path dir) throws IOException {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        while (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (java.nio.file.DirectoryNotEmptyException | java.nio.file.NoSuchFileException
                     | java.io.UncheckedIOException written) {
                if (System.currentTimeMillis() > deadline) {
                    throw written instanceof IOException io ? io : new IOException(written);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
    }
}
