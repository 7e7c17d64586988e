package dev.same.server.daemon;

import dev.same.protocol.SameClientApi;
import dev.same.protocol.jsonrpc.Connections;
import dev.same.server.service.DaemonControl;
import dev.same.server.service.ForwardingClient;
import dev.same.server.service.SameService;
import dev.same.server.service.WorkspaceEngine;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * One client connection: JSON-RPC read on a platform thread, requests served on virtual threads, pushes through
 * a bounded asynchronous writer.
 */
final class Session {
    /** A client this far behind on pushes is disconnected rather than allowed to hold up the daemon. */
    static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;
    /** How long a shutdown waits for answers still due to a client, and then for them to be written. */
    private static final Duration GOODBYE = Duration.ofSeconds(5);

    private final Socket socket;
    private final SameService service;
    private final Launcher<SameClientApi> launcher;
    private final BoundedAsyncOutputStream out;
    private final ExecutorService reader;
    private final Instant connectedAt = Instant.now();
    private final long peerPid;

    Session(Socket socket, long peerPid, WorkspaceEngine engine, DaemonControl control, String version)
            throws IOException {
        this.socket = socket;
        this.peerPid = peerPid;
        ForwardingClient pushes = new ForwardingClient();
        this.service = new SameService(engine, pushes, control, version);
        this.out = new BoundedAsyncOutputStream(socket.getOutputStream(), MAX_PENDING_BYTES, this::close);
        // platform threads: junixsocket polls for virtual threads on a pool as small as the CPU count, so a few
        // idle clients blocked in reads would starve everyone else's
        this.reader = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("same-session-io-", 0)
                .factory());
        this.launcher = Connections.launcher(service, SameClientApi.class, socket.getInputStream(), out, reader);
        pushes.setTarget(launcher.getRemoteProxy());
    }

    /** Serves the client until it disconnects; then cancels the runs it started. */
    void serve() {
        try {
            launcher.startListening().get();
        } catch (Exception ended) {
            // the connection is over either way
        } finally {
            service.close();
            closeAfterWriting(); // what is queued may explain the end: the refusal of a request too large, say
        }
    }

    /**
     * For a shutdown: lets the answers still due reach the client (the cancelled result of its run, say), so it
     * learns what happened instead of seeing the connection drop; then closes.
     */
    void closeGracefully() {
        try {
            service.awaitAnswered(GOODBYE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeAfterWriting();
        }
    }

    private void closeAfterWriting() {
        try {
            out.closeAndAwaitWritten(GOODBYE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /** Ends the connection and every thread it owns (the writer's, the reader's). */
    void close() {
        out.close();
        reader.shutdown();
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    String describe() {
        return service.clientDescription() + " (pid " + peerPid + ", connected "
                + Duration.between(connectedAt, Instant.now()).toSeconds() + "s)";
    }
}
