package dev.same.server.daemon;

import dev.same.protocol.SameClientApi;
import dev.same.protocol.jsonrpc.Connections;
import dev.same.server.service.DaemonControl;
import dev.same.server.service.ForwardingClient;
import dev.same.server.service.SameService;
import dev.same.server.service.Sizes;
import dev.same.server.service.WorkspaceEngine;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * One client connection: JSON-RPC read on a platform thread, requests served on virtual threads, pushes through
 * an asynchronous writer that makes a task's output wait while the client is behind.
 */
final class Session {
    /** How far a client may fall behind on a task's output before the task waits for it. */
    static final long ROOM_BYTES = 4L * 1024 * 1024;
    /** How long a shutdown waits for answers still due to a client, and then for them to be written. */
    private static final Duration GOODBYE = Duration.ofSeconds(5);

    private final Socket socket;
    private final SameService service;
    private final Launcher<SameClientApi> launcher;
    private final BoundedAsyncOutputStream out;
    private final ExecutorService reader;
    private final Instant connectedAt = Instant.now();
    private final long peerPid;

    Session(Socket socket, long peerPid, WorkspaceEngine engine, DaemonControl control, String version,
            InstantSource clock) throws IOException {
        this.socket = socket;
        this.peerPid = peerPid;
        ForwardingClient pushes = new ForwardingClient();
        this.service = new SameService(engine, pushes, control, version);
        this.out = new BoundedAsyncOutputStream(socket.getOutputStream(), ROOM_BYTES, clock);
        // platform threads: junixsocket polls for virtual threads on a pool as small as the CPU count, so a few
        // idle clients blocked in reads would starve everyone else's
        this.reader = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("same-session-io-", 0)
                .factory());
        this.launcher = Connections.launcher(service, SameClientApi.class, socket.getInputStream(), out, reader);
        pushes.setTarget(new PacedPushes(launcher.getRemoteProxy(), out));
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
        out.fail(new IOException("connection closed"));
        out.close();
        reader.shutdown();
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /**
     * Disconnects the client if it has taken nothing of what waits for it for {@code limit} or longer (a task's
     * output waits for it meanwhile); returns what happened, for the daemon's log.
     */
    Optional<String> disconnectIfStalled(Duration limit) {
        Duration stalled = out.stalledFor();
        if (stalled.compareTo(limit) < 0) {
            return Optional.empty();
        }
        String why = "read nothing for " + stalled.toSeconds() + "s while " + Sizes.human(out.pendingBytes())
                + " waited for it";
        out.fail(new IOException("disconnected: the client " + why));
        close();
        return Optional.of("disconnected " + describe() + ": it " + why + "; its runs are cancelled");
    }

    String describe() {
        return service.clientDescription() + " (pid " + peerPid + ", connected "
                + Duration.between(connectedAt, Instant.now()).toSeconds() + "s"
                + (out.holdsUpOutput() ? ", task output waits for it to read " + Sizes.human(out.pendingBytes())
                        : "") + ")";
    }
}
