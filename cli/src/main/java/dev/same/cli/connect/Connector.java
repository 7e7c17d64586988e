package dev.same.cli.connect;

import dev.same.cli.ClassPathScans;
import dev.same.cli.Cli;
import dev.same.cli.render.Style;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.client.SameClient;
import dev.same.protocol.client.DurationParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * Opens a session for a command: through the workspace's daemon when one answers; otherwise in this process,
 * and once the command is done a daemon starts in the background for the commands that follow, so that a command
 * never waits for a daemon's start, nor shares the machine with one starting (measured: a daemon started beside
 * the command made a cached {@code run all} 1.26x the {@code --no-daemon} time on 2 cores). In process only, with no daemon started, with
 * {@code --no-daemon}, {@code SAME_DAEMON=0}, or when no daemon can serve this workspace (said in one line).
 */
public final class Connector {
    /** For commands that make requests only: they get no pushes. */
    public static final SameClientApi NO_PUSHES = new SameClientApi() {
        @Override
        public void runEvent(RunEvent event) {
        }

        @Override
        public void runOutput(RunOutput output) {
        }
    };

    private Connector() {
    }

    public static ServerSession open(Cli cli, Path root, SameClientApi pushes, boolean noDaemon) {
        if (noDaemon || daemonDisabled(cli)) {
            InProcessHandOver.followParent(cli.environment());
            return InProcessServer.start(root, pushes);
        }
        try {
            DaemonConnector connector = new DaemonConnector(root, cli.environment());
            Optional<SameClient> running = connector.connectExisting(pushes);
            if (running.isPresent()) {
                return new ServerSession(running.get(), true, () -> { });
            }
            connector.checkCanStart();
            Duration idle = idleTimeout(cli);
            OptionalInt handedOver = InProcessHandOver.command(cli.settings())
                    .map(command -> InProcessHandOver.run(command, cli.environment())).orElse(OptionalInt.empty());
            if (handedOver.isPresent()) {
                if (!ClassPathScans.shuttingDown()) { // not after a Ctrl-C
                    startQuietly(connector, idle);
                }
                ClassPathScans.exit(handedOver.getAsInt());
            }
            // the daemon for the next commands is prepared while this one runs in process, and starts as it ends
            CompletableFuture<Optional<DaemonConnector.PreparedStart>> prepared = new CompletableFuture<>();
            Thread.ofPlatform().name("same-daemon-prepare").start(() -> prepare(connector, idle, prepared));
            ServerSession inProcess = InProcessServer.start(root, pushes);
            return new ServerSession(inProcess.client(), false, () -> {
                inProcess.onClose().close();
                Optional<DaemonConnector.PreparedStart> daemon = prepared.join();
                if (daemon.isPresent()) {
                    daemon.get().start();
                } else {
                    connector.startInBackground(idle);
                }
            });
        } catch (IOException | RuntimeException e) {
            Style style = new Style(cli.terminal().colour());
            cli.terminal().err().println(style.yellow("⚠ ") + "same: the daemon is unavailable ("
                    + (e.getMessage() == null ? e.toString() : e.getMessage()) + "); running in process");
            cli.terminal().err().flush();
            return InProcessServer.start(root, pushes);
        }
    }

    private static void prepare(DaemonConnector connector, Duration idle,
                                CompletableFuture<Optional<DaemonConnector.PreparedStart>> prepared) {
        try {
            prepared.complete(connector.isRunning() ? Optional.empty() : connector.prepareStart(idle));
        } catch (IOException | RuntimeException e) {
            prepared.complete(Optional.empty()); // tried again, and said nothing of, as the command ends
        }
    }

    private static void startQuietly(DaemonConnector connector, Duration idle) {
        try {
            connector.startInBackground(idle);
        } catch (IOException | RuntimeException e) {
            // the next command runs in process again, and says nothing either: a daemon is only a speed-up
        }
    }

    public static boolean daemonDisabled(Cli cli) {
        return !cli.settings().daemon();
    }

    /** SAME_DAEMON_IDLE_TIMEOUT, for daemons this CLI spawns. */
    public static Duration idleTimeout(Cli cli) {
        return cli.settings().idleTimeout();
    }
}
