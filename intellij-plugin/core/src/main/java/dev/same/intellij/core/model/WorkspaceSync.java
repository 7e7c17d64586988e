package dev.same.intellij.core.model;

import dev.same.intellij.core.connection.DaemonConnection;
import dev.same.intellij.core.connection.DaemonListener;
import dev.same.protocol.ErrorCodes;
import dev.same.protocol.GraphInvalidated;
import dev.same.protocol.GraphParams;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.Health;
import dev.same.protocol.InitializeResult;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunEventKind;
import dev.same.protocol.SameServerApi;
import dev.same.protocol.StatusParams;
import dev.same.protocol.client.RemoteException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Keeps a {@link TaskModel} current: loads graph and status after every handshake and applies the daemon's pushes
 * and run events. Requests are chained asynchronously, never awaited: pushes arrive on the connection's reader
 * thread, which also delivers the answers.
 */
public final class WorkspaceSync implements DaemonListener {
    private final DaemonConnection connection;
    private final TaskModel model;
    private final Consumer<String> log;
    private CompletableFuture<Void> refreshing;
    private boolean refreshAgain;

    public WorkspaceSync(DaemonConnection connection, TaskModel model, Consumer<String> log) {
        this.connection = connection;
        this.model = model;
        this.log = log;
        connection.addListener(this);
    }

    @Override
    public void connected(InitializeResult daemon) {
        model.resetEpoch();
        refreshAll();
    }

    @Override
    public void hashesChanged(HashesChanged change) {
        model.applyHashesChanged(change);
    }

    @Override
    public void graphInvalidated(GraphInvalidated change) {
        if (change.error() != null) {
            model.setConfigError(change.error());
        } else {
            refreshAll();
        }
    }

    @Override
    public void health(Health health) {
        model.setHealth(health);
    }

    @Override
    public void runEvent(RunEvent event) {
        model.applyRunEvent(event);
        if (event.kind() == RunEventKind.RUN_FINISHED) {
            refreshStatus(false);
        }
    }

    /** A file was saved in the IDE: reads the state including that write. */
    public CompletableFuture<Void> fileSaved() {
        return refreshStatus(true);
    }

    /** Reloads graph and status; concurrent calls share one refresh and queue at most one more. */
    public synchronized CompletableFuture<Void> refreshAll() {
        if (refreshing != null) {
            refreshAgain = true;
            return refreshing;
        }
        CompletableFuture<Void> started = loadAll();
        refreshing = started;
        started.whenComplete((ignored, error) -> {
            boolean again;
            synchronized (this) {
                refreshing = null;
                again = refreshAgain;
                refreshAgain = false;
            }
            if (again) {
                refreshAll();
            }
        });
        return started;
    }

    public CompletableFuture<Void> refreshStatus(boolean includeWrites) {
        SameServerApi server;
        try {
            server = connection.server();
        } catch (IllegalStateException notConnected) {
            return CompletableFuture.completedFuture(null);
        }
        return server.status(new StatusParams(List.of(), connection.root().toString(), includeWrites))
                .thenAccept(model::applyStatus)
                .exceptionally(error -> {
                    log.accept("status refresh failed: " + unwrap(error).getMessage());
                    return null;
                });
    }

    private CompletableFuture<Void> loadAll() {
        SameServerApi server;
        try {
            server = connection.server();
        } catch (IllegalStateException notConnected) {
            return CompletableFuture.completedFuture(null);
        }
        return server.graph(new GraphParams(connection.root().toString()))
                .thenAccept(model::setGraph)
                .handle((ignored, error) -> {
                    if (error == null) {
                        return true;
                    }
                    if (unwrap(error) instanceof RemoteException remote && remote.code() == ErrorCodes.USER_ERROR) {
                        model.setConfigError(ConfigErrors.fromUserError(remote));
                        return true;
                    }
                    log.accept("graph refresh failed: " + unwrap(error).getMessage());
                    return false;
                })
                .thenCompose(loaded -> loaded ? refreshStatus(false) : CompletableFuture.completedFuture(null));
    }

    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
