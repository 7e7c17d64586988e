package dev.same.cli.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.protocol.AttachParams;
import dev.same.protocol.CancelParams;
import dev.same.protocol.CleanParams;
import dev.same.protocol.CleanResult;
import dev.same.protocol.DaemonStatus;
import dev.same.protocol.ErrorCodes;
import dev.same.protocol.GraphParams;
import dev.same.protocol.GraphResult;
import dev.same.protocol.InitializeParams;
import dev.same.protocol.InitializeResult;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.SameServerApi;
import dev.same.protocol.client.DaemonAddress;
import dev.same.protocol.jsonrpc.Connections;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The connector against daemons that do not answer the handshake as this build's would. */
@Timeout(60)
class DaemonConnectorTest {
    @TempDir
    Path root;

    private Path runtimeDir;
    private DaemonConnector connector;
    private ServerSocketChannel server;
    private final AtomicInteger stopRequests = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        runtimeDir = Files.createTempDirectory(Path.of("/tmp"), "sdt");
        Map<String, String> environment = Map.of("XDG_RUNTIME_DIR", runtimeDir.toString());
        connector = new DaemonConnector(root.toRealPath(), environment);
        DaemonAddress.ensurePrivateDirectory(connector.socket().getParent());
    }

    @AfterEach
    void tearDown() throws IOException {
        if (server != null) {
            server.close();
        }
        Files.deleteIfExists(connector.socket());
        Files.deleteIfExists(connector.socket().getParent());
        Files.deleteIfExists(runtimeDir);
    }

    /** Serves every connection on the connector's socket with an old daemon answering initialize so. */
    private void fakeDaemon(Function<SocketChannel, CompletableFuture<InitializeResult>> initialize)
            throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(connector.socket()));
        Thread.ofVirtual().start(() -> {
            while (server.isOpen()) {
                try {
                    SocketChannel peer = server.accept();
                    Connections.launcher(new OldDaemon(() -> initialize.apply(peer)), SameClientApi.class,
                            Channels.newInputStream(peer), Channels.newOutputStream(peer)).startListening();
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @Test
    void aDaemonOfAnotherProtocolVersionIsStoppedToBeReplaced() throws Exception {
        fakeDaemon(peer -> CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                ErrorCodes.VERSION_MISMATCH, "protocol version 1 is not supported; this server speaks 0", null))));
        Optional<?> client = connector.connectExisting(Connector.NO_PUSHES);
        assertTrue(client.isEmpty(), "not usable: a new one is to be spawned");
        assertEquals(1, stopRequests.get(), "the old daemon was asked to stop");
    }

    @Test
    void aDaemonThatHangsUpDuringTheHandshakeCountsAsGone() throws Exception {
        fakeDaemon(peer -> {
            try {
                peer.close(); // on its way out
            } catch (IOException ignored) {
                // closed anyway
            }
            return new CompletableFuture<>();
        });
        Optional<?> client = connector.connectExisting(Connector.NO_PUSHES);
        assertTrue(client.isEmpty(), "no error: the caller waits for the next daemon");
        assertEquals(0, stopRequests.get());
    }

    @Test
    void theDaemonsJvmTakesTheOptionsOfSameDaemonJavaOpts() throws IOException {
        DaemonConnector tuned = new DaemonConnector(root.toRealPath(), Map.of("XDG_RUNTIME_DIR",
                runtimeDir.toString(), "SAME_DAEMON_JAVA_OPTS", "  -Xmx2g   -XX:+AlwaysPreTouch "));
        java.util.List<String> command = tuned.daemonCommand(null);
        int classPath = command.indexOf("-cp");
        assertTrue(command.indexOf("-Xmx2g") > 0 && command.indexOf("-Xmx2g") < classPath, command.toString());
        assertEquals(command.indexOf("-Xmx2g") + 1, command.indexOf("-XX:+AlwaysPreTouch"), command.toString());
        assertEquals(java.util.List.of("-cp"), command.stream().filter(arg -> arg.equals("-cp")).toList());
        assertTrue(connector.daemonCommand(null).stream().noneMatch(arg -> arg.startsWith("-Xmx")),
                "without the variable, the JVM's defaults");
    }

    /** Answers initialize as told, counts daemon/stop, refuses the rest. */
    private final class OldDaemon implements SameServerApi {
        private final java.util.function.Supplier<CompletableFuture<InitializeResult>> initialize;

        OldDaemon(java.util.function.Supplier<CompletableFuture<InitializeResult>> initialize) {
            this.initialize = initialize;
        }

        @Override
        public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
            return initialize.get();
        }

        @Override
        public CompletableFuture<Boolean> daemonStop() {
            stopRequests.incrementAndGet();
            return CompletableFuture.completedFuture(true);
        }

        @Override
        public CompletableFuture<GraphResult> graph(GraphParams params) {
            return refused();
        }

        @Override
        public CompletableFuture<RunResult> runStart(RunParams params) {
            return refused();
        }

        @Override
        public CompletableFuture<Boolean> runCancel(CancelParams params) {
            return refused();
        }

        @Override
        public CompletableFuture<RunResult> runAttach(AttachParams params) {
            return refused();
        }

        @Override
        public CompletableFuture<CleanResult> clean(CleanParams params) {
            return refused();
        }

        @Override
        public CompletableFuture<DaemonStatus> daemonStatus() {
            return refused();
        }

        @Override
        public CompletableFuture<dev.same.protocol.StatusResult> status(dev.same.protocol.StatusParams params) {
            return refused();
        }

        @Override
        public CompletableFuture<dev.same.protocol.ExplainResult> explain(dev.same.protocol.ExplainParams params) {
            return refused();
        }

        @Override
        public CompletableFuture<dev.same.protocol.EnvResult> environment(dev.same.protocol.EnvParams params) {
            return refused();
        }

        private static <T> CompletableFuture<T> refused() {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("not in this test"));
        }
    }
}
