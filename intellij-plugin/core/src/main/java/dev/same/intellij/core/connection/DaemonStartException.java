package dev.same.intellij.core.connection;

import java.io.IOException;

/** The daemon could not be started: retrying would fail the same way, so the connection gives up. */
public final class DaemonStartException extends IOException {
    public DaemonStartException(String message) {
        super(message);
    }
}
