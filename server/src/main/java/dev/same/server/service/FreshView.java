package dev.same.server.service;

import dev.same.protocol.StatusResult;
import dev.same.protocol.TaskStatusInfo;
import dev.same.server.SameException;
import dev.same.server.config.ConfigLoader;
import dev.same.server.config.Workspace;
import dev.same.server.config.YamlTrees;
import dev.same.server.graph.TaskGraph;
import dev.same.server.state.StatusCalculator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Answers computed now from the files: the configuration loaded and every fingerprint read for each request. */
record FreshView(Path root, StatusCalculator statuses, YamlTrees trees) implements WorkspaceView {
    @Override
    public Loaded load(boolean includeWrites) {
        statuses.resultsChanged(); // a run in another process may have failed since this view was made
        try {
            Workspace workspace = ConfigLoader.load(root, trees);
            return new Loaded(workspace, TaskGraph.of(workspace), Map.of());
        } catch (SameException e) {
            throw ConfigurationFailure.of(e);
        }
    }

    @Override
    public StatusResult status(boolean includeWrites, Selection selection) {
        Loaded loaded = load(includeWrites);
        List<String> tasks = selection.tasks(loaded.workspace(), loaded.graph());
        List<TaskStatusInfo> result = List.copyOf(statuses.statuses(loaded.workspace(), loaded.graph(), tasks)
                .values());
        return new StatusResult(epoch(), result, null);
    }

    /** Nothing is remembered between requests: there is one epoch. */
    @Override
    public long epoch() {
        return 0;
    }

    @Override
    public void runEnded() {
    }
}
