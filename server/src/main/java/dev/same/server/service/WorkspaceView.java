package dev.same.server.service;

import dev.same.protocol.StatusResult;
import dev.same.server.config.Workspace;
import dev.same.server.exec.TaskFingerprint;
import dev.same.server.graph.TaskGraph;
import java.util.List;
import java.util.Map;

/**
 * Where the engine's answers come from: computed now from the files ({@link FreshView}, a command without the
 * daemon), or from the daemon's live state, kept current by its watcher ({@link LiveView}). Both give the same
 * answers; the differential test holds them to that.
 */
sealed interface WorkspaceView permits FreshView, LiveView {
    /**
     * The configuration and graph; {@code known} holds the live fingerprints of the graph's tasks (none when fresh).
     *
     * @param includeWrites answer only once every file change made before this call has been seen
     */
    Loaded load(boolean includeWrites);

    /** The states of the given tasks, or of every task when {@code tasks} is null (see {@link Selection}). */
    StatusResult status(boolean includeWrites, Selection selection);

    /** The workspace epoch the answers reflect. */
    long epoch();

    /** A run has ended: results it recorded change states. */
    void runEnded();

    record Loaded(Workspace workspace, TaskGraph graph, Map<String, TaskFingerprint> known) {
    }

    /** Which tasks a status asks for: the targets' closure in the loaded graph. */
    @FunctionalInterface
    interface Selection {
        List<String> tasks(Workspace workspace, TaskGraph graph);
    }
}
