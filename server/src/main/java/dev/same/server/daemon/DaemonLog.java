package dev.same.server.daemon;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The daemon's log: one timestamped line per event on stderr, which the spawner sends to daemon.log. */
final class DaemonLog {
    private final PrintStream out;

    DaemonLog(PrintStream out) {
        this.out = out;
    }

    void info(String message) {
        out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + message);
        out.flush();
    }

    void error(String message, Throwable error) {
        info("ERROR " + message + ": " + error);
        error.printStackTrace(out);
        out.flush();
    }
}
