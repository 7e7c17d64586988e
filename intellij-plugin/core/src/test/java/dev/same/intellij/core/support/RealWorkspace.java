package dev.same.intellij.core.support;

import static org.junit.jupiter.api.Assertions.fail;

import dev.same.intellij.core.connection.Backoff;
import dev.same.intellij.core.connection.ConnectionState;
import dev.same.intellij.core.connection.DaemonConnection;
import dev.same.intellij.core.connection.DaemonListener;
import dev.same.intellij.core.connection.ExecutorScheduler;
import dev.same.intellij.core.connection.SocketDialer;
import dev.same.intellij.core.model.TaskModel;
import dev.same.intellij.core.model.WorkspaceSnapshot;
import dev.same.intellij.core.model.WorkspaceSync;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A temporary workspace with the plugin's core connected to a real daemon, started the way the plugin starts it:
 * through the launcher of the distribution under test ({@code same.dist}, cli/target/same), with its own short
 * {@code XDG_RUNTIME_DIR} so each test has its own daemon. {@link #close()} stops the daemon and its tasks.
 */
public final class RealWorkspace implements AutoCloseable {
    /** A guard against a hang, never a synchronisation: every wait ends on an event well before it. */
    public static final long DEADLINE_SECONDS = 60;
    private static final String DAEMON_MAIN = "dev.same.server.daemon.DaemonMain";

    public final Path root;
    public final Path runtimeDir;
    /** Put in task commands, to find the task processes of this test. */
    public final String marker = "same-ij-" + UUID.randomUUID();
    public final Map<String, String> environment = new HashMap<>();
    public final TaskModel model = new TaskModel();
    private final Path distribution = Path.of(System.getProperty("same.dist", "../../cli/target/same"))
            .toAbsolutePath().normalize();
    private ExecutorScheduler scheduler;
    private DaemonConnection connection;
    private WorkspaceSync sync;

    public RealWorkspace() throws IOException {
        if (!Files.isExecutable(launcher())) {
            fail("no same distribution at " + distribution + ": build it first (mvn -pl cli -am package)");
        }
        root = Files.createTempDirectory("same-ij-it").toRealPath();
        runtimeDir = Files.createTempDirectory(Path.of("/tmp"), "sij",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        environment.put("SAME_JAVA_HOME", System.getProperty("java.home"));
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", System.getProperty("user.home"));
        environment.put("XDG_RUNTIME_DIR", runtimeDir.toString());
    }

    public Path launcher() {
        return distribution.resolve("bin/same");
    }

    public RealWorkspace file(String relative, String content) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        return this;
    }

    public String read(String relative) throws IOException {
        return Files.readString(root.resolve(relative));
    }

    /** Connects the core (starting the daemon) and waits until the model has the graph and every task's state. */
    public DaemonConnection connect() {
        scheduler = new ExecutorScheduler("same-ij-test");
        SocketDialer dialer = new SocketDialer(root, environment, () -> Optional.of(launcher()));
        connection = new DaemonConnection(root, dialer, scheduler, new Backoff(Duration.ofMillis(50),
                Duration.ofSeconds(1)), "test", Duration.ofSeconds(10));
        sync = new WorkspaceSync(connection, model, message -> { });
        connection.start();
        awaitModel(s -> s.hasGraph() && (s.configError() != null || s.statuses().size() == s.graph().tasks().size()),
                "the graph and every task's status");
        return connection;
    }

    /** The connection {@link #connect()} made. */
    public DaemonConnection connection() {
        return connection;
    }

    public WorkspaceSync sync() {
        return sync;
    }

    /** Waits until the model's snapshot satisfies {@code condition} (checked on every change); returns it. */
    public WorkspaceSnapshot awaitModel(Predicate<WorkspaceSnapshot> condition, String what) {
        CompletableFuture<WorkspaceSnapshot> reached = new CompletableFuture<>();
        Runnable check = () -> {
            WorkspaceSnapshot snapshot = model.snapshot();
            if (condition.test(snapshot)) {
                reached.complete(snapshot);
            }
        };
        model.addListener(check);
        check.run();
        return await(reached, what);
    }

    /** Waits until the connection's state satisfies {@code condition}; returns that state. */
    public ConnectionState awaitConnection(Predicate<ConnectionState> condition, String what) {
        CompletableFuture<ConnectionState> reached = new CompletableFuture<>();
        DaemonListener listener = new DaemonListener() {
            @Override
            public void stateChanged(ConnectionState state) {
                if (condition.test(state)) {
                    reached.complete(state);
                }
            }
        };
        connection.addListener(listener);
        if (condition.test(connection.state())) {
            reached.complete(connection.state());
        }
        try {
            return await(reached, what);
        } finally {
            connection.removeListener(listener);
        }
    }

    public static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("did not see " + what + " within " + DEADLINE_SECONDS + "s", e);
        }
    }

    /** The pid of the workspace's daemon, from its discovery file. */
    public long daemonPid() throws IOException {
        String json = Files.readString(root.resolve(".same/daemon/daemon.json"));
        var match = java.util.regex.Pattern.compile("\"pid\"\\s*:\\s*(\\d+)").matcher(json);
        if (!match.find()) {
            throw new AssertionError("no pid in daemon.json: " + json);
        }
        return Long.parseLong(match.group(1));
    }

    /** The task processes of this test (their command line has the marker). */
    public List<ProcessHandle> taskProcesses() {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false)).toList();
        }
    }

    private List<ProcessHandle> daemonProcesses() {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine()
                    .map(line -> line.contains(DAEMON_MAIN) && line.contains(root.toString())).orElse(false)).toList();
        }
    }

    @Override
    public void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        ProcessBuilder stop = new ProcessBuilder(launcher().toString(), "daemon", "stop").directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        stop.environment().clear();
        stop.environment().putAll(environment);
        stop.start().waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS);
        for (ProcessHandle process : Stream.concat(daemonProcesses().stream(), taskProcesses().stream()).toList()) {
            process.destroyForcibly();
            process.onExit().get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        }
        for (Path dir : List.of(root, runtimeDir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
