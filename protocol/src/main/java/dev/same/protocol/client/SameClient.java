package dev.same.protocol.client;

import dev.same.protocol.GraphInvalidated;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.Health;
import dev.same.protocol.InitializeParams;
import dev.same.protocol.InitializeResult;
import dev.same.protocol.Methods;
import dev.same.protocol.Protocol;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.SameServerApi;
import dev.same.protocol.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A connection to a same daemon (or to an in-process server over streams): typed requests through
 * {@link #server()}, pushes delivered to the given {@link SameClientApi} in the order they arrive. Built on the
 * JDK's Unix socket channel and Gson's streaming classes ({@link Json}), without lsp4j or data binding, so it
 * stays light for short-lived clients. {@link RemoteServer} and the push dispatch here are written by hand;
 * ClientContractTest checks them against {@link SameServerApi} and {@link SameClientApi}. A request still
 * pending when the connection ends fails with {@link ConnectionClosedException}; an error answer fails with
 * {@link RemoteException}.
 */
public final class SameClient implements AutoCloseable {
    private final JsonRpcConnection connection;
    private final SameServerApi server;

    /** A request was pending when the connection ended: the server went away before answering. */
    public static final class ConnectionClosedException extends IOException {
        public ConnectionClosedException() {
            super("the connection to the server closed before it answered");
        }
    }

    private SameClient(InputStream in, OutputStream out, AutoCloseable transport, SameClientApi pushes) {
        this.connection = new JsonRpcConnection(in, out, transport, (method, params) -> deliver(pushes, method,
                params));
        this.server = new RemoteServer(connection);
    }

    private static void deliver(SameClientApi pushes, String method, Object params) {
        try {
            switch (method) {
                case Methods.RUN_EVENT -> pushes.runEvent(JsonRpcConnection.read(params, RunEvent.class));
                case Methods.RUN_OUTPUT -> pushes.runOutput(JsonRpcConnection.read(params, RunOutput.class));
                case Methods.HASHES_CHANGED -> pushes.hashesChanged(JsonRpcConnection.read(params,
                        HashesChanged.class));
                case Methods.GRAPH_INVALIDATED -> pushes.graphInvalidated(JsonRpcConnection.read(params,
                        GraphInvalidated.class));
                case Methods.HEALTH -> pushes.health(JsonRpcConnection.read(params, Health.class));
                default -> {
                    // a notification of a newer daemon: nothing to do with it
                }
            }
        } catch (IllegalArgumentException e) {
            // one unreadable push is dropped; the connection and the answers on it go on
        }
    }

    /**
     * Connects to the daemon listening on {@code socket}; fails at once if nobody listens, and with
     * {@link DaemonAddress.UnsafeSocketException} before connecting if another user could control the socket.
     */
    public static SameClient connect(Path socket, SameClientApi pushes) throws IOException {
        DaemonAddress.checkSocket(socket);
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return over(Channels.newInputStream(channel), Channels.newOutputStream(channel), pushes, channel);
    }

    /** A client over any pair of streams; {@code transport} is closed with the client. */
    public static SameClient over(InputStream in, OutputStream out, SameClientApi pushes, AutoCloseable transport) {
        return new SameClient(in, out, transport, pushes);
    }

    public SameServerApi server() {
        return server;
    }

    /** The handshake: tells the server who we are, returns who it is. */
    public InitializeResult initialize(String clientName, String clientVersion, Path root, long timeoutMillis)
            throws IOException {
        return initialize(clientName, clientVersion, root, java.util.List.of(), timeoutMillis);
    }

    /** The handshake, subscribing to pushes (null for all). */
    public InitializeResult initialize(String clientName, String clientVersion, Path root,
                                       java.util.List<Subscription> subscriptions, long timeoutMillis) throws IOException {
        try {
            return server.initialize(new InitializeParams(Protocol.VERSION, clientName, clientVersion,
                    root.toString(), subscriptions)).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("handshake failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("handshake timed out after " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during handshake");
        }
    }

    /** Completes when the connection has ended, from either side. */
    public CompletableFuture<Void> closed() {
        return connection.closed();
    }

    @Override
    public void close() {
        connection.close();
    }
}
