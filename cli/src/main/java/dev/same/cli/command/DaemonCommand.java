package dev.same.cli.command;

import dev.same.cli.Cli;
import dev.same.cli.connect.Connector;
import dev.same.cli.connect.DaemonConnector;
import dev.same.cli.SameCommand;
import dev.same.protocol.client.BuildId;
import dev.same.protocol.DaemonStatus;
import dev.same.protocol.client.SameClient;
import dev.same.protocol.client.UserError;
import dev.same.protocol.client.RootFinder;
import dev.same.server.launch.SameServer;
import dev.same.protocol.client.DurationParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Manage the workspace's daemon, which keeps the workspace loaded between commands.",
                "It starts on its own when a command needs it and stops after an idle period (default 3h)."},
        subcommands = {DaemonCommand.Start.class, DaemonCommand.Stop.class, DaemonCommand.Restart.class,
                DaemonCommand.Status.class, DaemonCommand.Logs.class})
public final class DaemonCommand implements Runnable {
    @ParentCommand
    SameCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(parent.cli().terminal().out());
    }

    Cli cli() {
        return parent.cli();
    }

    DaemonConnector connector() {
        Cli cli = cli();
        return new DaemonConnector(RootFinder.find(cli.cwd()), cli.environment());
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start the daemon (if not running).")
    static final class Start implements Callable<Integer> {
        @ParentCommand
        DaemonCommand daemon;

        @Option(names = "--idle-timeout", paramLabel = "DURATION",
                description = "Stop after this long without clients or requests: 90s, 15m, 3h (default: "
                        + "$SAME_DAEMON_IDLE_TIMEOUT or 3h).")
        String idleTimeout;

        @Option(names = "--foreground", description = "Run the daemon in this process until it stops (Ctrl-C).")
        boolean foreground;

        @Override
        public Integer call() throws Exception {
            Cli cli = daemon.cli();
            Duration idle = idleTimeout != null ? DurationParser.parse(idleTimeout) : Connector.idleTimeout(cli);
            Path root = RootFinder.find(cli.cwd());
            if (foreground) {
                int status = SameServer.runDaemon(root, idle);
                if (status != 0) {
                    throw new UserError("a daemon is already running for " + root,
                            List.of("stop it with 'same daemon stop'"));
                }
                return 0;
            }
            DaemonConnector connector = new DaemonConnector(root, cli.environment());
            try (SameClient client = connector.connectOrSpawn(Connector.NO_PUSHES, idle)) {
                DaemonStatus status = client.server().daemonStatus().get();
                cli.terminal().out().println("same daemon running (pid " + status.pid() + ", socket "
                        + status.socket() + ")");
            }
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the daemon (if running).")
    static final class Stop implements Callable<Integer> {
        @ParentCommand
        DaemonCommand daemon;

        @Override
        public Integer call() throws Exception {
            PrintStream out = daemon.cli().terminal().out();
            out.println(stop(daemon.connector()) ? "same daemon stopped" : "no daemon is running");
            return 0;
        }

        static boolean stop(DaemonConnector connector) throws IOException {
            Optional<SameClient> client = connectAnyBuild(connector);
            // one that holds the lock without answering is starting (say, in the background after a command):
            // it is stopped once it answers; one that is stopping lets go of the lock instead
            long deadline = System.currentTimeMillis() + DaemonConnector.SPAWN_WAIT_MILLIS;
            while (client.isEmpty() && connector.isRunning() && System.currentTimeMillis() < deadline) {
                DaemonConnector.sleep(20);
                client = connectAnyBuild(connector);
            }
            if (client.isEmpty()) {
                return false;
            }
            connector.stopDaemon(client.get());
            return true;
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, description = "Stop the daemon, then start one.")
    static final class Restart implements Callable<Integer> {
        @ParentCommand
        DaemonCommand daemon;

        @Override
        public Integer call() throws Exception {
            DaemonConnector connector = daemon.connector();
            Stop.stop(connector);
            try (SameClient client = connector.connectOrSpawn(Connector.NO_PUSHES,
                    Connector.idleTimeout(daemon.cli()))) {
                DaemonStatus status = client.server().daemonStatus().get();
                daemon.cli().terminal().out().println("same daemon restarted (pid " + status.pid() + ")");
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show the daemon's pid, uptime, version, socket, idle time left, memory, clients and "
                    + "cache statistics. Never starts a daemon.")
    public static final class Status implements Callable<Integer> {
        @ParentCommand
        DaemonCommand daemon;

        @Option(names = "--json", description = "Print the status as JSON.")
        public boolean json;

        @Option(names = {"-v", "--verbose"}, description = "Also show the watcher and the workspace state.")
        public boolean verbose;

        @Override
        public Integer call() throws Exception {
            return DaemonStatusAction.show(daemon.cli(), json, verbose);
        }
    }

    @Command(name = "logs", mixinStandardHelpOptions = true, description = "Print the daemon's log.")
    static final class Logs implements Callable<Integer> {
        @ParentCommand
        DaemonCommand daemon;

        @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted.")
        boolean follow;

        @Override
        public Integer call() throws Exception {
            Path log = daemon.connector().logFile();
            PrintStream out = daemon.cli().terminal().out();
            if (!Files.exists(log)) {
                out.println("no daemon log yet (" + log + ")");
                return 0;
            }
            try (InputStream in = Files.newInputStream(log)) {
                byte[] buffer = new byte[8192];
                while (true) {
                    int read = in.read(buffer);
                    if (read > 0) {
                        out.write(buffer, 0, read);
                        continue;
                    }
                    out.flush();
                    if (!follow) {
                        return 0;
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    /** Connects to whatever daemon is running, without replacing one of another build. */
    static Optional<SameClient> connectAnyBuild(DaemonConnector connector) throws IOException {
        Optional<SameClient> connected = connector.connectAny(Connector.NO_PUSHES);
        if (connected.isEmpty()) {
            return Optional.empty();
        }
        SameClient client = connected.get();
        try {
            client.initialize("cli", BuildId.current(), connector.root(),
                    DaemonConnector.HANDSHAKE_MILLIS);
            return Optional.of(client);
        } catch (IOException e) {
            client.close();
            return Optional.empty();
        }
    }
}
