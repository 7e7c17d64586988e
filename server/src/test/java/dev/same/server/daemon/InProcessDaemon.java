package dev.same.server.daemon;

import dev.same.protocol.client.BuildId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.same.protocol.GraphParams;
import dev.same.protocol.GraphResult;
import dev.same.protocol.InitializeResult;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.client.DaemonAddress;
import dev.same.protocol.client.SameClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@link Daemon} on a thread of the test JVM, serving a one-task workspace on a socket in a private
 * short temporary directory (through {@code XDG_RUNTIME_DIR}), so tests can talk to it over the real socket.
 */
final class InProcessDaemon implements AutoCloseable {
    static final SameClientApi NO_PUSHES = new SameClientApi() {
        @Override
        public void runEvent(RunEvent event) {
        }

        @Override
        public void runOutput(RunOutput output) {
        }
    };
    private static final long READY_MILLIS = 30_000;

    final Path root;
    final Path socket;
    private final Path runtimeDir;
    private final Daemon daemon;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    static final String HELLO_WORKSPACE = """
            version: "1"
            tasks:
              hello:
                cmd: ["true"]
            """;

    private static Path writeWorkspace(String sameYaml) throws IOException {
        Path root = Files.createTempDirectory("same-daemon-ws").toRealPath();
        Files.writeString(root.resolve("same.yaml"), sameYaml);
        return root;
    }

    private InProcessDaemon(int uid, Path root, InstantSource clock) throws IOException {
        java.util.logging.Logger.getLogger("org.eclipse.lsp4j").setLevel(java.util.logging.Level.WARNING);
        this.root = root;
        runtimeDir = Files.createTempDirectory(Path.of("/tmp"), "sd");
        Map<String, String> environment = Map.of("XDG_RUNTIME_DIR", runtimeDir.toString());
        socket = DaemonAddress.socketPath(root, environment);
        daemon = new Daemon(root, Duration.ofHours(1), environment, clock,
                new PrintStream(log, true, StandardCharsets.UTF_8), uid);
        Thread.ofPlatform().name("in-process-daemon").daemon().start(() -> {
            try {
                exit.complete(daemon.run());
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
        });
    }

    /** Starts a daemon that serves our own uid and waits until it accepts connections. */
    static InProcessDaemon start() throws IOException {
        return start(DaemonAddress.currentUid());
    }

    /** Starts a daemon that serves only {@code uid} and waits until it accepts connections. */
    static InProcessDaemon start(int uid) throws IOException {
        return start(uid, HELLO_WORKSPACE);
    }

    /** Starts a daemon for a workspace the caller wrote (the daemon deletes it when closed). */
    static InProcessDaemon serve(Path root) throws IOException {
        InProcessDaemon started = new InProcessDaemon(DaemonAddress.currentUid(), root.toRealPath(),
                InstantSource.system());
        started.awaitListening();
        return started;
    }

    /** Starts a daemon for a workspace with this {@code same.yaml}; {@link #assertServes} expects the default. */
    static InProcessDaemon start(int uid, String sameYaml) throws IOException {
        return start(uid, sameYaml, InstantSource.system());
    }

    /** Starts a daemon whose timers (idle, stalled clients) run on {@code clock}. */
    static InProcessDaemon start(int uid, String sameYaml, InstantSource clock) throws IOException {
        InProcessDaemon started = new InProcessDaemon(uid, writeWorkspace(sameYaml), clock);
        started.awaitListening();
        return started;
    }

    private void awaitListening() {
        long deadline = System.currentTimeMillis() + READY_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (exit.isDone()) {
                fail("the daemon ended at start: " + exit.handle((status, error) -> status != null
                        ? "status " + status : error.toString()).join() + "\n" + log());
            }
            // serving: listening, and its discovery file written (the log line comes after both)
            if (Files.exists(socket) && log().contains(") serving ")) {
                try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    probe.connect(UnixDomainSocketAddress.of(socket));
                    return;
                } catch (IOException notYet) {
                    // bound but not yet listening
                }
            }
            pause();
        }
        fail("the daemon did not listen within " + READY_MILLIS + " ms\n" + log());
    }

    /** A fresh client still gets through the handshake and a graph request. */
    void assertServes() throws Exception {
        try (SameClient client = SameClient.connect(socket, NO_PUSHES)) {
            InitializeResult hello = client.initialize("test", BuildId.current(), root, 10_000);
            assertEquals(ProcessHandle.current().pid(), hello.pid());
            assertEquals(BuildId.current(), hello.serverVersion());
            GraphResult graph = client.server().graph(new GraphParams(root.toString())).get(10, TimeUnit.SECONDS);
            assertEquals(List.of("hello"), graph.order());
        }
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** Waits until the daemon's log says {@code text}. */
    void awaitLog(String text) {
        long deadline = System.currentTimeMillis() + READY_MILLIS;
        while (!log().contains(text)) {
            if (System.currentTimeMillis() > deadline) {
                fail("the daemon's log never said '" + text + "':\n" + log());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Whether the daemon's run() is still going. */
    boolean running() {
        return !exit.isDone();
    }

    /** Waits until the daemon stops by itself; returns its exit status. */
    int awaitExit() throws Exception {
        return exit.get(60, TimeUnit.SECONDS);
    }

    /** Shuts the daemon down as a signal or daemon/stop would, and waits until it has. */
    void shutdown() throws Exception {
        daemon.shutdown("test finished");
        exit.get(30, TimeUnit.SECONDS);
    }

    /** Stops the daemon and leaves its workspace as it is, for the next daemon. */
    void stopKeepingWorkspace() throws Exception {
        shutdown();
        deleteTree(runtimeDir);
    }

    @Override
    public void close() throws Exception {
        stopKeepingWorkspace();
        deleteTree(root);
    }

    static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
