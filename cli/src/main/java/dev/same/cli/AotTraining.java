package dev.same.cli;

import dev.same.cli.render.Terminal;
import dev.same.protocol.DaemonStatus;
import dev.same.protocol.InitializeResult;
import dev.same.protocol.Methods;
import dev.same.protocol.Protocol;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunResult;
import dev.same.protocol.StatusResult;
import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatus;
import dev.same.protocol.TaskStatusInfo;
import dev.same.protocol.client.DaemonAddress;
import dev.same.protocol.client.WireFormat;
import dev.same.protocol.client.BuildId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The training run for the CLI's AOT cache (JDK 25, {@code -XX:AOTCacheOutput}): the launcher runs it once per
 * exact set of jars and JDK, in the background. It drives the hot path, {@code same run}, {@code same status} and
 * {@code same daemon status}, through the real {@link QuickCommand}, connector, client and renderers, against a
 * stand-in daemon on a temporary socket, so the classes the warm path needs are loaded, linked and profiled ahead
 * of time, and nothing else is (every archived class is loaded at every start).
 */
public final class AotTraining {
    /**
     * The methods the warm path requests, and all the stand-in answers (any other gets "method not found"):
     * {@code initialize} on every connection, {@code run/start} for {@code same run}, {@code workspace/status}
     * for {@code same status}, {@code daemon/status} for {@code same daemon status}. AotTrainingTest checks that
     * the training requests exactly these, and that each answer has the shape of its result in
     * {@link dev.same.protocol.SameServerApi}.
     */
    static final Set<String> WARM_PATH = Set.of(Methods.INITIALIZE, Methods.RUN_START, Methods.STATUS,
            Methods.DAEMON_STATUS);
    private static final int METHOD_NOT_FOUND = -32601;

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        inTemporaryDirectory(AotTraining::train);
    }

    /** What a training does in its temporary directory. */
    interface Training {
        Object train(Path temp) throws Exception;
    }

    /** Runs {@code training} in a temporary directory, removed afterwards. */
    static void inTemporaryDirectory(Training training) throws Exception {
        Path temp = Files.createTempDirectory("same-aot-training");
        try {
            training.train(temp);
        } finally {
            deleteTree(temp);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Runs the training's commands against the stand-in; returns the methods they requested. */
    static Set<String> train(Path temp) throws Exception {
        Class.forName(Main.class.getName());
        ClassPathScans.useDefaultSelectorProvider();
        Path root = Files.createDirectory(temp.resolve("workspace")).toRealPath();
        Files.writeString(root.resolve("same.yaml"), "version: \"1\"\ntasks:\n  build:\n    cmd: [\"true\"]\n");
        Path runtime = Files.createDirectory(temp.resolve("run"));
        Map<String, String> environment = Map.of("XDG_RUNTIME_DIR", runtime.toString(), "HOME", temp.toString(),
                "PATH", "/usr/bin:/bin", "TERM", "xterm");
        Set<String> requested = ConcurrentHashMap.newKeySet();
        try (ServerSocketChannel server = standIn(root, environment, requested)) {
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            for (boolean colour : new boolean[] {false, true}) {
                Cli cli = new Cli(environment, root, new Terminal(sink, sink, false, colour, 100));
                for (String[] args : List.of(new String[] {"run", "--ci", "all"}, new String[] {"run", "build"},
                        new String[] {"status"}, new String[] {"daemon", "status"}, new String[] {"--version"})) {
                    QuickCommand.parse(args).orElseThrow().execute(cli);
                }
            }
        }
        return requested;
    }

    /**
     * A stand-in daemon for {@code root} on the socket {@code environment} leads to, serving connections one after
     * another until the returned channel is closed, and adding the method of every request to {@code requested}.
     */
    static ServerSocketChannel standIn(Path root, Map<String, String> environment, Set<String> requested)
            throws IOException {
        Path socket = DaemonAddress.socketPath(root, environment);
        DaemonAddress.ensurePrivateDirectory(socket.getParent());
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread.ofPlatform().daemon().start(() -> serve(server, root, requested));
        return server;
    }

    /** Answers like a daemon with one cached task, for as many connections as the training makes. */
    private static void serve(ServerSocketChannel server, Path root, Set<String> requested) {
        while (true) {
            try (SocketChannel client = server.accept()) {
                InputStream in = Channels.newInputStream(client);
                OutputStream out = Channels.newOutputStream(client);
                byte[] frame;
                while ((frame = WireFormat.readFrame(in)) != null) {
                    Map<?, ?> request = WireFormat.parse(frame);
                    requested.add(String.valueOf(request.get("method")));
                    answer(request, out, root);
                }
            } catch (IOException e) {
                return; // the training is over
            }
        }
    }

    static void answer(Map<?, ?> request, OutputStream out, Path root) throws IOException {
        Object id = request.get("id");
        String method = String.valueOf(request.get("method"));
        Map<?, ?> params = request.get("params") instanceof Map<?, ?> map ? map : Map.of();
        String runId = String.valueOf(params.get("runId"));
        Object result = switch (method) {
            case Methods.INITIALIZE -> new InitializeResult(Protocol.VERSION, BuildId.current(),
                    ProcessHandle.current().pid(), root.toString());
            case Methods.RUN_START -> {
                push(out, Methods.RUN_EVENT, RunEvent.planned(runId, List.of("build"), List.of()));
                push(out, Methods.RUN_EVENT, RunEvent.taskStarted(runId, "build", "0".repeat(64)));
                push(out, Methods.RUN_OUTPUT, new RunOutput(runId, "build", 0, "built\n", true));
                push(out, Methods.RUN_EVENT, RunEvent.taskFinished(runId, "build", TaskStatus.CACHED, 3, null,
                        false, "0".repeat(64)));
                push(out, Methods.RUN_EVENT, RunEvent.runFinished(runId, true, 5));
                yield new RunResult(runId, true, 0, Map.of("build", TaskStatus.CACHED));
            }
            case Methods.STATUS -> new StatusResult(1, List.of(new TaskStatusInfo("build", TaskState.CLEAN,
                    "0".repeat(64), List.of()), new TaskStatusInfo("test", TaskState.DIRTY, null,
                    List.of("never run"))), null);
            case Methods.DAEMON_STATUS -> daemonStatus(root);
            default -> null;
        };
        if (result == null) {
            WireFormat.writeFrame(out, Map.of("jsonrpc", "2.0", "id", id, "error",
                    Map.of("code", METHOD_NOT_FOUND, "message", "the stand-in does not answer " + method)));
        } else {
            WireFormat.writeFrame(out, Map.of("jsonrpc", "2.0", "id", id, "result", result));
        }
    }

    /** {@link DaemonStatus} by name, as it travels: a component added there and not here fails AotTrainingTest. */
    private static Map<String, Object> daemonStatus(Path root) {
        return Map.ofEntries(Map.entry("pid", ProcessHandle.current().pid()), Map.entry("version", BuildId.current()),
                Map.entry("root", root.toString()), Map.entry("socket", "same.sock"),
                Map.entry("startedAtMillis", 0), Map.entry("uptimeMillis", 61_000),
                Map.entry("idleTimeoutMillis", 10_800_000), Map.entry("idleRemainingMillis", 10_000_000),
                Map.entry("heapUsedBytes", 50L << 20), Map.entry("rssBytes", 200L << 20),
                Map.entry("clients", List.of("cli")), Map.entry("activeRuns", List.of()),
                Map.entry("cacheHits", 1), Map.entry("cacheMisses", 1), Map.entry("epoch", 1),
                Map.entry("health", "OK"), Map.entry("watchedDirectories", 1), Map.entry("watchEvents", 1),
                Map.entry("rescans", 0), Map.entry("envCacheHits", 0), Map.entry("envCacheMisses", 0),
                Map.entry("remoteCache", Map.of("url", "http://127.0.0.1:1/cache", "readOnly", false, "hits", 1,
                        "misses", 0, "bytesDown", 1200, "bytesUp", 0, "errors", 1, "pendingUploads", 0,
                        "failedUploads", 1, "lastError", "PUT http://127.0.0.1:1/cache/ac/0: HTTP 403")));
    }

    private static void push(OutputStream out, String method, Object params) throws IOException {
        WireFormat.writeFrame(out, Map.of("jsonrpc", "2.0", "method", method, "params", params));
    }
}
