package dev.same.protocol.client;

import dev.same.protocol.InitializeParams;
import dev.same.protocol.InitializeResult;
import dev.same.protocol.Protocol;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.SameServerApi;
import dev.same.protocol.jsonrpc.Connections;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * A connection to a same daemon (or to an in-process server over streams): typed requests through
 * {@link #server()}, pushes delivered to the given {@link SameClientApi}. Uses only the JDK's Unix socket
 * channel, so it stays light for short-lived clients.
 */
public final class SameClient implements AutoCloseable {
    private final SameServerApi server;
    private final Future<Void> listening;
    private final AutoCloseable transport;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    /** A request was pending when the connection ended: the server went away before answering. */
    public static final class ConnectionClosedException extends IOException {
        public ConnectionClosedException() {
            super("the connection to the server closed before it answered");
        }
    }

    private SameClient(Launcher<SameServerApi> launcher, AutoCloseable transport) {
        this.server = failingOnClose(launcher.getRemoteProxy(), closed);
        this.transport = transport;
        this.listening = launcher.startListening();
        Thread.ofVirtual().name("same-client-watch").start(() -> {
            try {
                listening.get();
            } catch (InterruptedException | ExecutionException | java.util.concurrent.CancellationException e) {
                // the connection ended either way
            }
            closed.complete(null);
        });
    }

    /**
     * lsp4j leaves a request pending forever when the connection ends before its answer; through this proxy it
     * fails with {@link ConnectionClosedException} instead. An answer read before the end has completed its
     * future already (responses are handled on the reader thread), so it is never overridden.
     */
    private static SameServerApi failingOnClose(SameServerApi remote, CompletableFuture<Void> closed) {
        return (SameServerApi) Proxy.newProxyInstance(SameServerApi.class.getClassLoader(),
                new Class<?>[] {SameServerApi.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(remote, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof CompletableFuture<?> pending) {
                        closed.thenRun(() -> pending.completeExceptionally(new ConnectionClosedException()));
                    }
                    return result;
                });
    }

    /** Connects to the daemon listening on {@code socket}; fails at once if nobody listens. */
    public static SameClient connect(Path socket, SameClientApi pushes) throws IOException {
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
        return new SameClient(Connections.launcher(pushes, SameServerApi.class, in, out), transport);
    }

    public SameServerApi server() {
        return server;
    }

    /** The handshake: tells the server who we are, returns who it is. */
    public InitializeResult initialize(String clientName, String clientVersion, Path root, long timeoutMillis)
            throws IOException {
        return initialize(clientName, clientVersion, root, java.util.List.of(), timeoutMillis);
    }

    /** The handshake, subscribing to pushes ("hashes", "graph", "health"; null for all). */
    public InitializeResult initialize(String clientName, String clientVersion, Path root,
                                       java.util.List<String> subscriptions, long timeoutMillis) throws IOException {
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
        return closed;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (Exception ignored) {
            // closing anyway
        }
        listening.cancel(true);
    }
}
