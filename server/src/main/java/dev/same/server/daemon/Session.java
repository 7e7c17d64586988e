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
import java.util.concurrent.Executors;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * One client connection: JSON-RPC read on a platform thread, requests served on virtual threads, pushes through
 * a bounded asynchronous writer.
 */
final class Session {
    /** A client this far behind on pushes is disconnected rather than allowed to hold up the daemon. */
    static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;

    private final Socket socket;
    private final SameService service;
    private final Launcher<SameClientApi> launcher;
    private final Instant connectedAt = Instant.now();
    private final long peerPid;

    Session(Socket socket, long peerPid, WorkspaceEngine engine, DaemonControl control, String version)
            throws IOException {
        this.socket = socket;
        this.peerPid = peerPid;
        ForwardingClient pushes = new ForwardingClient();
        this.service = new SameService(engine, pushes, control, version);
        var out = new BoundedAsyncOutputStream(socket.getOutputStream(), MAX_PENDING_BYTES, this::close);
        // a platform thread reads: junixsocket parks a virtual thread's read on a pool of one blocking poll per
        // core, so as many idle clients (editors, 'same watch') as cores would leave none to read the others
        this.launcher = Connections.launcher(service, SameClientApi.class, socket.getInputStream(), out,
                Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("same-session-reader", 0)
                        .factory()));
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
            close();
        }
    }

    void close() {
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
