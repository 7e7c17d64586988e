package dev.same.intellij.core.connection;

import dev.same.protocol.InitializeResult;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.SameClientApi;

/** Follows a {@link DaemonConnection}: its state, each successful handshake, and the daemon's pushes. */
public interface DaemonListener extends SameClientApi {

    default void stateChanged(ConnectionState state) {
    }

    /** After every handshake: the first and each reconnection (a new daemon counts epochs from scratch). */
    default void connected(InitializeResult daemon) {
    }

    @Override
    default void runEvent(RunEvent event) {
    }

    @Override
    default void runOutput(RunOutput output) {
    }
}
