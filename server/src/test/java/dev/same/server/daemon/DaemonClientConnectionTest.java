package dev.same.server.daemon;

import dev.same.protocol.client.BuildId;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.protocol.GraphParams;
import dev.same.protocol.client.SameClient;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's side of a daemon going away: a request pending when the connection ends fails at once with
 * {@link SameClient.ConnectionClosedException}, instead of waiting forever (or for its own timeout).
 */
@Timeout(60)
class DaemonClientConnectionTest {
    @TempDir
    Path dir;

    /** A server that reads until it has a whole request's worth of bytes, then hangs up without answering. */
    private ServerSocketChannel hangUpAfterFirstRequest(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread.ofVirtual().start(() -> {
            try (SocketChannel peer = server.accept()) {
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                String received = "";
                while (!received.contains("}") && peer.read(buffer) >= 0) {
                    received = new String(buffer.array(), 0, buffer.position());
                }
            } catch (IOException ignored) {
                // the test sees the outcome on the client side
            }
        });
        return server;
    }

    @Test
    void aHandshakeThatLosesItsConnectionFailsAtOnce() throws Exception {
        Path socket = Files.createTempDirectory(Path.of("/tmp"), "sdc").resolve("s.sock");
        try (ServerSocketChannel ignored = hangUpAfterFirstRequest(socket);
             SameClient client = SameClient.connect(socket, InProcessDaemon.NO_PUSHES)) {
            long tenMinutes = 600_000; // far beyond the test's own timeout: only the closed connection ends it
            IOException error = assertThrows(IOException.class,
                    () -> client.initialize("test", BuildId.current(), dir, tenMinutes));
            assertTrue(error.getMessage().contains("closed before it answered"), error.getMessage());
            assertInstanceOf(SameClient.ConnectionClosedException.class, error.getCause());
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socket.getParent());
        }
    }

    @Test
    void everyPendingRequestFailsWhenTheConnectionEnds() throws Exception {
        Path socket = Files.createTempDirectory(Path.of("/tmp"), "sdc").resolve("s.sock");
        try (ServerSocketChannel ignored = hangUpAfterFirstRequest(socket);
             SameClient client = SameClient.connect(socket, InProcessDaemon.NO_PUSHES)) {
            var graph = client.server().graph(new GraphParams("/"));
            ExecutionException error = assertThrows(ExecutionException.class, graph::get);
            assertInstanceOf(SameClient.ConnectionClosedException.class, error.getCause());
            client.closed().get();
            // a request after the end fails too (a broken pipe, or closed), rather than waiting
            assertThrows(ExecutionException.class, () -> client.server().daemonStatus().get());
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socket.getParent());
        }
    }
}
