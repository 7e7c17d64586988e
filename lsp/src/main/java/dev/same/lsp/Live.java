package dev.same.lsp;

import dev.same.protocol.ConfigError;
import dev.same.protocol.GraphInvalidated;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.Health;
import dev.same.protocol.HealthStatus;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunEventKind;
import dev.same.protocol.RunOutput;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.StatusParams;
import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatusInfo;
import dev.same.protocol.client.SameClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The daemon's live view of one workspace: task states kept current from its pushes. When the connection ends
 * (the daemon crashed or was replaced) it dials again by itself, backing off while that fails; the editor keeps
 * being served from its buffers meanwhile. A daemon that said it is stopping (same daemon stop, its idle timeout)
 * is not started again: the server only looks for one that someone else starts. While the configuration on disk
 * is invalid, every task's state is unknown: the daemon's states are those of the last valid one.
 */
final class Live implements SameClientApi {
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);

    /** What the editor is told: the states changed, or the configuration on disk did. */
    interface Listener {
        void statesChanged(Path root);

        void graphChanged(Path root);
    }

    private final Path root;
    private final DaemonDialer dialer;
    private final ScheduledExecutorService scheduler;
    private final Listener listener;
    private final Map<String, Consumer<RunEvent>> runs = new ConcurrentHashMap<>();
    private final Map<String, Long> durations = new ConcurrentHashMap<>();
    private volatile SameClient client;
    private volatile Map<String, TaskStatusInfo> states = Map.of();
    private volatile String unavailable = "connecting to the daemon";
    private volatile ConfigError configError;
    /** Why the daemon said it stopped; while set, no daemon is spawned. */
    private volatile String stoppedBecause;
    private volatile boolean closed;
    private Duration retry = FIRST_RETRY;

    Live(Path root, DaemonDialer dialer, ScheduledExecutorService scheduler, Listener listener) {
        this.root = root;
        this.dialer = dialer;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    void start() {
        Thread.startVirtualThread(this::dial); // spawning a daemon takes a while; nobody waits for it
    }

    private void dial() {
        if (closed) {
            return;
        }
        if (!ConfigFiles.hasSavedConfig(root)) {
            // nothing a daemon could load yet (a new, unsaved file): look again later without spawning one
            unavailable = "no same.yaml or same.work.yaml saved in " + root + " yet";
            scheduler.schedule(this::start, LAST_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        String stopped = stoppedBecause;
        try {
            SameClient connected = dialer.dial(root, this, stopped == null);
            client = connected;
            retry = FIRST_RETRY;
            unavailable = null;
            stoppedBecause = null;
            refreshStates();
            connected.closed().whenComplete((ignored, error) -> lost(connected));
        } catch (IOException | RuntimeException e) {
            unavailable = stopped != null ? stopped + "; no live state until a daemon runs again"
                    : "the daemon is unavailable: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            listener.statesChanged(root);
            scheduler.schedule(this::start, retry.toMillis(), TimeUnit.MILLISECONDS);
            retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
        }
    }

    private void lost(SameClient connection) {
        if (client != connection || closed) {
            return;
        }
        client = null;
        states = Map.of();
        unavailable = stoppedBecause != null ? stoppedBecause + "; no live state until a daemon runs again"
                : "the daemon stopped; reconnecting";
        listener.statesChanged(root);
        start();
    }

    private void refreshStates() {
        SameClient current = client;
        if (current == null) {
            return;
        }
        // asynchronous: a push handler runs on the connection's reader thread, which the answer needs
        current.server().status(new StatusParams(List.of(), root.toString(), false)).whenComplete((result, error) -> {
            if (result != null) {
                Map<String, TaskStatusInfo> fresh = new HashMap<>();
                result.tasks().forEach(task -> fresh.put(task.id(), task));
                states = Map.copyOf(fresh);
                configError = result.configError();
                listener.statesChanged(root);
            }
        });
    }

    Optional<TaskStatusInfo> state(String task) {
        ConfigError error = configError;
        if (error != null && states.containsKey(task)) {
            String where = error.file() == null ? ""
                    : " in " + error.file() + (error.line() > 0 ? ":" + error.line() : "");
            return Optional.of(new TaskStatusInfo(task, TaskState.UNKNOWN, null,
                    List.of("configuration error" + where)));
        }
        return Optional.ofNullable(states.get(task));
    }

    Optional<SameClient> client() {
        return Optional.ofNullable(client);
    }

    /** Why there is no live state, or empty when connected. */
    Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    void follow(String runId, Consumer<RunEvent> events) {
        runs.put(runId, events);
    }

    void unfollow(String runId) {
        runs.remove(runId);
    }

    @Override
    public void hashesChanged(HashesChanged change) {
        Map<String, TaskStatusInfo> updated = new HashMap<>(states);
        change.tasks().forEach(task -> updated.put(task.id(), task));
        states = Map.copyOf(updated);
        listener.statesChanged(root);
    }

    @Override
    public void graphInvalidated(GraphInvalidated change) {
        configError = change.error();
        listener.graphChanged(root);
        refreshStates();
    }

    @Override
    public void health(Health health) {
        if (health.status() == HealthStatus.SHUTTING_DOWN) {
            stoppedBecause = health.reason() == null ? "the daemon stopped" : health.reason();
        }
    }

    /** How long the task's last run through this server took; the daemon does not keep durations. */
    Optional<Long> lastDuration(String task) {
        return Optional.ofNullable(durations.get(task));
    }

    @Override
    public void runEvent(RunEvent event) {
        if (event.kind() == RunEventKind.TASK_FINISHED && event.task() != null && event.durationMillis() != null) {
            durations.put(event.task(), event.durationMillis());
        }
        Consumer<RunEvent> follower = runs.get(event.runId());
        if (follower != null) {
            follower.accept(event);
        }
    }

    @Override
    public void runOutput(RunOutput output) {
    }

    void close() {
        closed = true;
        SameClient current = client;
        if (current != null) {
            current.close();
        }
    }
}
