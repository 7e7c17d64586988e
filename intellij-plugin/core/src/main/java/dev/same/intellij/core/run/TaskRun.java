package dev.same.intellij.core.run;

import dev.same.intellij.core.connection.ConnectionState;
import dev.same.intellij.core.connection.DaemonConnection;
import dev.same.intellij.core.connection.DaemonListener;
import dev.same.protocol.CancelParams;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.SameServerApi;
import dev.same.protocol.client.RemoteException;
import dev.same.protocol.client.SameClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run executing in the daemon: sends run/start, hands the run's pushes (and only those) to a
 * {@link RunListener}, and cancels with run/cancel. The run ends exactly once: with its result, with the daemon's
 * error, or when the link drops (the daemon cancels the runs of a client that disconnects).
 */
public final class TaskRun {
    private final DaemonConnection connection;
    private final String runId;
    private final RunListener listener;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final DaemonListener pushes;
    private SameServerApi server;

    private TaskRun(DaemonConnection connection, String runId, RunListener listener) {
        this.connection = connection;
        this.runId = runId;
        this.listener = listener;
        this.pushes = new DaemonListener() {
            @Override
            public void runEvent(RunEvent event) {
                if (runId.equals(event.runId()) && !ended.get()) {
                    listener.event(event);
                }
            }

            @Override
            public void runOutput(RunOutput output) {
                if (runId.equals(output.runId()) && !ended.get()) {
                    listener.output(output);
                }
            }

            @Override
            public void stateChanged(ConnectionState state) {
                if (!(state instanceof ConnectionState.Connected)) {
                    end(() -> listener.failed("the connection to the same daemon was lost: " + state.trouble(),
                            List.of()));
                }
            }
        };
    }

    /** Starts the run; the listener hears of it from then on. Fails at once (via the listener) when not connected. */
    public static TaskRun start(DaemonConnection connection, RunOptions options, String cwd,
                                Map<String, String> callerEnvironment, RunListener listener) {
        TaskRun run = new TaskRun(connection, RunIds.next(), listener);
        run.begin(options, cwd, callerEnvironment);
        return run;
    }

    /**
     * Starts the run once the link is up: the first run after the IDE opened may come before the daemon answered.
     * If the link does not come up within {@code timeout} (or the connection gives up), the listener hears why.
     * Cancelling the returned future before the run started means it never starts.
     */
    public static CompletableFuture<TaskRun> startWhenConnected(DaemonConnection connection, RunOptions options,
                                                                String cwd, Map<String, String> callerEnvironment,
                                                                RunListener listener, Duration timeout) {
        CompletableFuture<TaskRun> started = new CompletableFuture<>();
        connection.whenConnected().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((up, error) -> {
            if (error != null) {
                if (started.completeExceptionally(error)) {
                    listener.failed("could not reach the same daemon: " + connection.state().trouble(), List.of());
                }
                return;
            }
            synchronized (started) {
                if (!started.isDone()) {
                    started.complete(start(connection, options, cwd, callerEnvironment, listener));
                }
            }
        });
        return started;
    }

    /** Stops a run started by {@link #startWhenConnected}: not started yet, it never will be; started, it is cancelled. */
    public static void stop(CompletableFuture<TaskRun> pending) {
        boolean cancelledBeforeStart;
        synchronized (pending) {
            cancelledBeforeStart = pending.cancel(false);
        }
        if (!cancelledBeforeStart) {
            pending.thenAccept(TaskRun::cancel);
        }
    }

    public String runId() {
        return runId;
    }

    /** Completes when the run has ended, whichever way. */
    public CompletableFuture<Void> done() {
        return done;
    }

    /** Asks the daemon to cancel the run (its task processes are killed); the result still arrives. */
    public CompletableFuture<Boolean> cancel() {
        SameServerApi target = server;
        if (target == null || ended.get()) {
            return CompletableFuture.completedFuture(false);
        }
        return target.runCancel(new CancelParams(runId)).exceptionally(error -> false);
    }

    private void begin(RunOptions options, String cwd, Map<String, String> callerEnvironment) {
        try {
            server = connection.server();
        } catch (IllegalStateException notConnected) {
            end(() -> listener.failed(notConnected.getMessage(), List.of()));
            return;
        }
        connection.addListener(pushes);
        server.runStart(options.toRunParams(runId, cwd, callerEnvironment)).whenComplete((result, error) -> {
            if (error == null) {
                end(() -> listener.finished(result));
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof RemoteException remote) {
                end(() -> listener.failed(remote.getMessage(), remote.context()));
            } else if (cause instanceof SameClient.ConnectionClosedException) {
                end(() -> listener.failed("the same daemon went away during the run", List.of()));
            } else {
                end(() -> listener.failed(String.valueOf(cause.getMessage()), List.of()));
            }
        });
    }

    private void end(Runnable report) {
        if (ended.compareAndSet(false, true)) {
            connection.removeListener(pushes);
            try {
                report.run();
            } finally {
                done.complete(null);
            }
        }
    }
}
