package dev.same.intellij.core.connection;

import java.nio.file.Path;
import java.time.Duration;

/** Where the link to the workspace's daemon stands. */
public sealed interface ConnectionState {

    /** Not started yet. */
    record Idle() implements ConnectionState {
    }

    record Connecting() implements ConnectionState {
    }

    /** Nobody answered on the socket: the launcher is starting a daemon. */
    record Starting(Path launcher) implements ConnectionState {
    }

    record Connected(String serverVersion, long pid) implements ConnectionState {
    }

    /** The link dropped or could not be made; the next attempt comes after {@code delay}. */
    record Reconnecting(int attempt, Duration delay, String reason) implements ConnectionState {
    }

    /** Given up until the user asks again: no launcher, the daemon cannot start, another protocol version. */
    record Failed(String reason, Path logFile) implements ConnectionState {
    }

    record Disposed() implements ConnectionState {
    }

    /** One line for a status bar; empty when connected. */
    default String trouble() {
        return switch (this) {
            case Connected connected -> "";
            case Idle idle -> "not connected";
            case Connecting connecting -> "connecting…";
            case Starting starting -> "starting the daemon…";
            case Reconnecting r -> "daemon unreachable (" + r.reason() + "), retrying in "
                    + r.delay().toMillis() + " ms";
            case Failed failed -> failed.reason();
            case Disposed disposed -> "closed";
        };
    }
}
