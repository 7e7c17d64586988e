package dev.same.server.service;

import dev.same.protocol.ConfigError;
import dev.same.protocol.StatusResult;
import dev.same.server.SameException;
import dev.same.server.state.LiveWorkspace;

/** Answers from the daemon's live state: snapshots that reads never wait for, kept current by the watcher. */
record LiveView(LiveWorkspace live) implements WorkspaceView {
    /** An invalid configuration is reported as a fresh load would report it. */
    @Override
    public Loaded load(boolean includeWrites) {
        LiveWorkspace.Snapshot snapshot = snapshot(includeWrites);
        if (snapshot.configError() != null) {
            ConfigError error = snapshot.configError();
            throw ConfigurationFailure.of(new SameException(error.message(), error.context()));
        }
        return new Loaded(snapshot.workspace(), snapshot.graph(), snapshot.fingerprints());
    }

    /** With an invalid configuration, the states of the last good one and the error. */
    @Override
    public StatusResult status(boolean includeWrites, Selection selection) {
        LiveWorkspace.Snapshot snapshot = snapshot(includeWrites);
        if (snapshot.workspace() == null) {
            return new StatusResult(snapshot.epoch(), java.util.List.of(), snapshot.configError());
        }
        return new StatusResult(snapshot.epoch(), LiveWorkspace.select(snapshot,
                selection.tasks(snapshot.workspace(), snapshot.graph())), snapshot.configError());
    }

    @Override
    public long epoch() {
        return live.snapshot().epoch();
    }

    @Override
    public void runEnded() {
        live.refresh();
    }

    private LiveWorkspace.Snapshot snapshot(boolean includeWrites) {
        return includeWrites ? live.awaitWrites() : live.snapshot();
    }
}
