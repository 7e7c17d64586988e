package dev.same.intellij.core.model;

import dev.same.protocol.ConfigError;
import dev.same.protocol.GraphResult;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.Health;
import dev.same.protocol.HealthStatus;
import dev.same.protocol.RunEvent;
import dev.same.protocol.StatusResult;
import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatusInfo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The plugin's picture of the workspace, fed by status answers, pushes and run events, published as immutable
 * {@link WorkspaceSnapshot}s. A status older than the last applied epoch is ignored, so a late answer never
 * overwrites a newer push.
 */
public final class TaskModel {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private GraphResult graph;
    private final Map<String, TaskStatusInfo> statuses = new HashMap<>();
    private final Set<String> runningHere = new HashSet<>();
    private long epoch = -1;
    private ConfigError configError;
    private Health health;
    private volatile WorkspaceSnapshot snapshot = WorkspaceSnapshot.EMPTY;

    /** Called after every change, on the thread that made it. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public WorkspaceSnapshot snapshot() {
        return snapshot;
    }

    /**
     * A new daemon counts its epochs from scratch: forget the old one's, the runs it had, and its health (the last
     * push of a daemon that stops says SHUTTING_DOWN; a new one tells its own trouble right after connecting).
     */
    public void resetEpoch() {
        synchronized (this) {
            epoch = -1;
            runningHere.clear();
            health = null;
        }
        publish();
    }

    public void setGraph(GraphResult next) {
        synchronized (this) {
            graph = next;
            Set<String> ids = new HashSet<>();
            next.tasks().forEach(task -> ids.add(task.id()));
            statuses.keySet().retainAll(ids);
        }
        publish();
    }

    /** Applies a full status answer; false when it is older than what the model shows. */
    public boolean applyStatus(StatusResult result) {
        synchronized (this) {
            if (result.epoch() < epoch) {
                return false;
            }
            epoch = result.epoch();
            statuses.clear();
            result.tasks().forEach(status -> statuses.put(status.id(), status));
            configError = result.configError();
        }
        publish();
        return true;
    }

    public boolean applyHashesChanged(HashesChanged change) {
        synchronized (this) {
            if (change.epoch() < epoch) {
                return false;
            }
            epoch = change.epoch();
            if (change.tasks() != null) {
                change.tasks().forEach(status -> statuses.put(status.id(), status));
            }
        }
        publish();
        return true;
    }

    public void setConfigError(ConfigError error) {
        synchronized (this) {
            configError = error;
        }
        publish();
    }

    /** The daemon's health; an OK push clears the trouble. */
    public void setHealth(Health next) {
        synchronized (this) {
            health = next == null || next.status() == HealthStatus.OK ? null : next;
        }
        publish();
    }

    public void applyRunEvent(RunEvent event) {
        synchronized (this) {
            switch (event.kind()) {
                case TASK_STARTED -> runningHere.add(event.task());
                case TASK_FINISHED -> {
                    runningHere.remove(event.task());
                    TaskState after = switch (event.status()) {
                        case OK, CACHED -> TaskState.CLEAN;
                        case FAILED -> TaskState.FAILED;
                        case SKIPPED, CANCELLED -> null;
                    };
                    if (after != null) {
                        TaskStatusInfo previous = statuses.get(event.task());
                        String hash = event.hash() != null ? event.hash() : previous == null ? null : previous.hash();
                        List<String> reasons = after == TaskState.FAILED && event.reason() != null
                                ? List.of(event.reason()) : List.of();
                        statuses.put(event.task(), new TaskStatusInfo(event.task(), after, hash, reasons));
                    }
                }
                case RUN_FINISHED -> runningHere.clear();
                case PLANNED -> {
                    return;
                }
            }
        }
        publish();
    }

    private void publish() {
        synchronized (this) {
            snapshot = new WorkspaceSnapshot(graph, Map.copyOf(statuses), Set.copyOf(runningHere), epoch,
                    configError, health);
        }
        listeners.forEach(Runnable::run);
    }
}
