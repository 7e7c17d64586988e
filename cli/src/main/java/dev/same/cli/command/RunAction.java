package dev.same.cli.command;

import dev.same.cli.Cli;
import dev.same.cli.connect.Connector;
import dev.same.cli.inspect.InspectSession;
import dev.same.cli.inspect.RunLog;
import dev.same.cli.connect.RunIds;
import dev.same.cli.connect.ServerSession;
import dev.same.cli.render.InteractiveRenderer;
import dev.same.cli.render.JsonRenderer;
import dev.same.cli.render.LinearRenderer;
import dev.same.cli.render.Renderer;
import dev.same.cli.render.Style;
import dev.same.cli.render.Terminal;
import dev.same.protocol.CancelParams;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.client.SameClient;
import dev.same.protocol.client.UserError;
import dev.same.protocol.client.RootFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code same run}: starts the run on a server, shows it as it goes, cancels it on Ctrl-C. */
public final class RunAction {
    private RunAction() {
    }

    public static int run(Cli cli, RunOptions options) throws Exception {
        Path root = RootFinder.find(cli.cwd());
        Renderer shown = renderer(cli, options);
        // the inspect view is part of the interactive one, as in the original
        RunLog log = shown instanceof InteractiveRenderer && (options.inspect() || options.inspectOnError())
                ? new RunLog(shown) : null;
        Renderer renderer = log != null ? log : shown;
        String runId = RunIds.next();
        RunParams params = new RunParams(runId, options.targets(), cli.cwd().toString(), cli.taskEnvironment(),
                options.noCache(), options.parallel());
        try (ServerSession session = Connector.open(cli, root, renderer, options.noDaemon())) {
            CompletableFuture<RunResult> run = session.server().runStart(params);
            AtomicBoolean interrupted = new AtomicBoolean();
            Thread onInterrupt = new Thread(() -> {
                interrupted.set(true);
                cancel(session, runId, run);
            });
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            RunResult result;
            try {
                result = run.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SameClient.ConnectionClosedException) {
                    throw lostDaemon(root);
                }
                throw e;
            } finally {
                removeHook(onInterrupt);
            }
            renderer.finish(result);
            // not while the JVM exits after Ctrl-C: the terminal would be left in raw mode
            if (log != null && !interrupted.get() && (options.inspect() || result.exitCode() != 0)) {
                InspectSession.show(cli.terminal(), log);
            }
            return result.exitCode();
        }
    }

    static UserError lostDaemon(Path root) {
        return new UserError("lost the connection to the daemon during the run",
                List.of("the daemon may have crashed or been killed, or disconnected this client for reading"
                                + " nothing of the run's output for a minute; its log says which: "
                                + root.resolve(".same/daemon/daemon.log"),
                        "the next 'same run' starts a new daemon; tasks that did not finish are not cached"));
    }

    /** Ctrl-C: cancel the run and give it a moment to kill its processes, so nothing is left behind. */
    private static void cancel(ServerSession session, String runId, CompletableFuture<RunResult> run) {
        try {
            session.server().runCancel(new CancelParams(runId)).get(5, TimeUnit.SECONDS);
            run.get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the process is exiting anyway
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running
        }
    }

    private static Renderer renderer(Cli cli, RunOptions options) {
        Terminal terminal = cli.terminal();
        if (options.json()) {
            return new JsonRenderer(terminal);
        }
        OutputMode mode = OutputMode.named(options.outputMode()).orElseGet(() -> {
            terminal.err().println(new Style(terminal.colour()).yellow("⚠ Warning: ") + "unknown output mode '"
                    + options.outputMode() + "', using auto");
            return OutputMode.auto;
        });
        if (mode == OutputMode.auto) {
            mode = terminal.interactive() && !Terminal.inCi(cli.environment()) ? OutputMode.tui : OutputMode.linear;
        }
        return mode == OutputMode.tui ? new InteractiveRenderer(terminal)
                : new LinearRenderer(terminal, options.targets());
    }
}
