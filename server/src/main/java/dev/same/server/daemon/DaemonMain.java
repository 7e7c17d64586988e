package dev.same.server.daemon;

import dev.same.protocol.client.UserError;
import dev.same.protocol.client.SameSettings;
import dev.same.protocol.client.DurationParser;
import dev.same.server.SameException;
import dev.same.server.hash.FileStat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Entry point of a spawned daemon process: {@code DaemonMain --root DIR [--idle-timeout 3h]}. The spawner sends
 * its stdout and stderr to {@code .same/daemon/daemon.log}.
 */
public final class DaemonMain {
    /**
     * A client hanging up is routine, not worth lsp4j's INFO stack trace in the log. Held here: the logging
     * framework keeps loggers weakly, and a collected one comes back without its level.
     */
    private static final java.util.logging.Logger LSP4J = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");

    public static final Duration DEFAULT_IDLE_TIMEOUT = SameSettings.DEFAULT_IDLE_TIMEOUT;

    private DaemonMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = null;
        Duration idle = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]).toRealPath();
                case "--idle-timeout" -> idle = DurationParser.parse(args[++i]);
                default -> {
                    System.err.println("unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (root == null) {
            System.err.println("usage: DaemonMain --root DIR [--idle-timeout D]");
            System.exit(2);
        }
        int status;
        try {
            status = run(root, idle);
        } catch (IOException | UserError e) {
            // one line for the spawner to show (the last line of daemon.log), not a stack trace
            new DaemonLog(System.err).info("cannot start: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /** Runs a daemon in this process until it stops; returns its exit status. */
    public static int run(Path root, Duration idleTimeout) throws Exception {
        LSP4J.setLevel(java.util.logging.Level.WARNING);
        Duration idle = idleTimeout != null ? idleTimeout : SameSettings.from(System.getenv()).idleTimeout();
        // walks use NIO until the direct system calls are loaded, which takes a moment: not on the start's path
        Thread.ofVirtual().name("file-system-calls").start(FileStat::useSystemCallsDirectly);
        return new Daemon(root, idle, System.getenv(), InstantSource.system(), System.err).run();
    }

}
