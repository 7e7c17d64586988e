package dev.same.intellij.core.connection;

import dev.same.protocol.ErrorCodes;
import dev.same.protocol.GraphInvalidated;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.Health;
import dev.same.protocol.InitializeResult;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.SameServerApi;
import dev.same.protocol.client.DaemonAddress;
import dev.same.protocol.client.RemoteException;
import dev.same.protocol.client.SameClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The plugin's link to the workspace's daemon: dials its socket (starting the daemon when nobody answers),
 * performs the handshake, and re-establishes the link by itself, with back-off, whenever it drops. A daemon
 * speaking another protocol version, or one that cannot be started, is a failure that waits for {@link #start()}.
 */
public final class DaemonConnection implements AutoCloseable {
    public static final String CLIENT_NAME = "intellij";

    private final Path root;
    private final Dialer dialer;
    private final Scheduler scheduler;
    private final Backoff backoff;
    private final String clientVersion;
    private final Duration handshakeTimeout;
    private final List<DaemonListener> listeners = new CopyOnWriteArrayList<>();
    private final Fanout fanout = new Fanout();

    private ConnectionState state = new ConnectionState.Idle();
    private SameClient client;
    private Scheduler.Cancellable pending;

    public DaemonConnection(Path root, Dialer dialer, Scheduler scheduler, Backoff backoff, String clientVersion,
                            Duration handshakeTimeout) {
        this.root = root;
        this.dialer = dialer;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.clientVersion = clientVersion;
        this.handshakeTimeout = handshakeTimeout;
    }

    public Path root() {
        return root;
    }

    public Path logFile() {
        return DaemonAddress.stateDirectory(root).resolve("daemon.log");
    }

    public synchronized ConnectionState state() {
        return state;
    }

    public void addListener(DaemonListener listener) {
        listeners.add(listener);
    }

    public void removeListener(DaemonListener listener) {
        listeners.remove(listener);
    }

    /** Connects now (again after a failure), on the scheduler; a no-op while connected. */
    public synchronized void start() {
        if (state instanceof ConnectionState.Connected || state instanceof ConnectionState.Disposed) {
            return;
        }
        cancelPending();
        backoff.reset();
        pending = scheduler.schedule(this::attempt, Duration.ZERO);
    }

    /**
     * Completes when the link is up (at once if it is); fails when the connection gives up (another protocol
     * version, no daemon can be started) or is closed.
     */
    public CompletableFuture<Void> whenConnected() {
        CompletableFuture<Void> up = new CompletableFuture<>();
        DaemonListener watcher = new DaemonListener() {
            @Override
            public void stateChanged(ConnectionState state) {
                settle(up, state);
            }
        };
        addListener(watcher);
        settle(up, state());
        up.whenComplete((ignored, error) -> removeListener(watcher));
        return up;
    }

    private static void settle(CompletableFuture<Void> up, ConnectionState state) {
        switch (state) {
            case ConnectionState.Connected connected -> up.complete(null);
            case ConnectionState.Failed failed -> up.completeExceptionally(new NotConnectedException(state));
            case ConnectionState.Disposed disposed -> up.completeExceptionally(new NotConnectedException(state));
            default -> {
                // still on its way: wait for the next state
            }
        }
    }

    /** The daemon's requests; throws {@link NotConnectedException} while there is no link. */
    public synchronized SameServerApi server() {
        if (client == null || !(state instanceof ConnectionState.Connected)) {
            throw new NotConnectedException(state);
        }
        return client.server();
    }

    @Override
    public void close() {
        SameClient link;
        synchronized (this) {
            cancelPending();
            link = client;
            client = null;
            setState(new ConnectionState.Disposed());
        }
        if (link != null) {
            link.close();
        }
    }

    private void attempt() {
        synchronized (this) {
            pending = null;
            if (state instanceof ConnectionState.Disposed || state instanceof ConnectionState.Connected) {
                return;
            }
            if (!(state instanceof ConnectionState.Reconnecting)) {
                setState(new ConnectionState.Connecting());
            }
        }
        SameClient link = null;
        try {
            link = dialer.dial(fanout, this::starting);
            InitializeResult hello = link.initialize(CLIENT_NAME, clientVersion, root, null,
                    handshakeTimeout.toMillis());
            established(link, hello);
        } catch (IOException e) {
            if (link != null) {
                link.close();
            }
            failed(e);
        }
    }

    private void starting(Path launcher) {
        synchronized (this) {
            setState(new ConnectionState.Starting(launcher));
        }
    }

    private void established(SameClient link, InitializeResult hello) {
        synchronized (this) {
            if (state instanceof ConnectionState.Disposed) {
                link.close();
                return;
            }
            client = link;
            backoff.reset();
            setState(new ConnectionState.Connected(hello.serverVersion(), hello.pid()));
        }
        listeners.forEach(listener -> listener.connected(hello));
        link.closed().whenComplete((ignored, error) -> linkLost(link));
    }

    private void failed(IOException error) {
        synchronized (this) {
            if (state instanceof ConnectionState.Disposed) {
                return;
            }
            if (error instanceof DaemonStartException) {
                setState(new ConnectionState.Failed(error.getMessage(), logFile()));
            } else if (error.getCause() instanceof RemoteException remote
                    && remote.code() == ErrorCodes.VERSION_MISMATCH) {
                setState(new ConnectionState.Failed("the daemon speaks another protocol version (" + remote.getMessage()
                        + "); stop it with `same daemon stop` or update the plugin", logFile()));
            } else {
                scheduleRetry(error.getMessage());
            }
        }
    }

    private void linkLost(SameClient link) {
        synchronized (this) {
            if (client != link) {
                return;
            }
            client = null;
            if (state instanceof ConnectionState.Disposed || state instanceof ConnectionState.Failed) {
                return;
            }
            scheduleRetry("the daemon closed the connection");
        }
    }

    // callers hold the lock
    private void scheduleRetry(String reason) {
        cancelPending();
        Duration delay = backoff.next();
        setState(new ConnectionState.Reconnecting(backoff.attempts(), delay, reason));
        pending = scheduler.schedule(this::attempt, delay);
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private void setState(ConnectionState next) {
        if (state instanceof ConnectionState.Disposed) {
            return;
        }
        state = next;
        listeners.forEach(listener -> listener.stateChanged(next));
    }

    /** Hands every push to every listener, in the order the daemon sent them. */
    private final class Fanout implements dev.same.protocol.SameClientApi {
        private void each(Consumer<DaemonListener> action) {
            listeners.forEach(action);
        }

        @Override
        public void runEvent(RunEvent event) {
            each(listener -> listener.runEvent(event));
        }

        @Override
        public void runOutput(RunOutput output) {
            each(listener -> listener.runOutput(output));
        }

        @Override
        public void hashesChanged(HashesChanged change) {
            each(listener -> listener.hashesChanged(change));
        }

        @Override
        public void graphInvalidated(GraphInvalidated change) {
            each(listener -> listener.graphInvalidated(change));
        }

        @Override
        public void health(Health health) {
            each(listener -> listener.health(health));
        }
    }
}
