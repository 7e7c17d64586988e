package dev.same.cli;

import dev.same.cli.render.InteractiveRenderer;
import dev.same.cli.render.JsonRenderer;
import dev.same.cli.render.LinearRenderer;
import dev.same.cli.render.Renderer;
import dev.same.cli.render.Terminal;
import dev.same.protocol.CancelParams;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.client.SameClient;
import dev.same.server.SameException;
import dev.same.server.config.RootFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run tasks and their dependencies, skipping what is cached.",
                "",
                "TARGET is project:task, 'all', or a task name: that task of the project you",
                "stand in, or (outside every project) that task in every project."})
final class RunCommand implements Callable<Integer> {
    enum OutputMode { auto, tui, linear }

    @ParentCommand
    SameCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGET", arity = "0..*", description = "Tasks to run.")
    List<String> targets = List.of();

    @Option(names = {"-n", "--no-cache"}, description = "Run every task even when cached (results are still recorded).")
    boolean noCache;

    @Option(names = {"-o", "--output-mode"}, paramLabel = "MODE",
            description = "auto (default: tui on a terminal, linear otherwise or in CI), tui, linear.")
    OutputMode outputMode = OutputMode.auto;

    @Option(names = "--ci", description = "Same as --output-mode linear.")
    boolean ci;

    @Option(names = "--json", description = "Print the run's events as JSON lines on stdout.")
    boolean json;

    @Option(names = {"-j", "--parallel"}, paramLabel = "N",
            description = "Run at most N tasks at once (default: number of CPUs).")
    int parallel;

    @Option(names = "--no-daemon", description = "Run in this process instead of the daemon (also: SAME_DAEMON=0).")
    boolean noDaemon;

    @Override
    public Integer call() throws Exception {
        Cli cli = parent.cli();
        if (targets.isEmpty()) {
            spec.commandLine().usage(cli.terminal().out());
            return 0;
        }
        if (parallel < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--parallel must be a positive number, got " + parallel);
        }
        Path root = RootFinder.find(cli.cwd());
        Renderer renderer = renderer(cli);
        String runId = RunIds.next();
        RunParams params = new RunParams(runId, targets, cli.cwd().toString(), cli.taskEnvironment(), noCache,
                parallel);
        try (ServerSession session = Connector.open(cli, root, renderer, noDaemon)) {
            CompletableFuture<RunResult> run = session.server().runStart(params);
            Thread onInterrupt = new Thread(() -> cancel(session, runId, run));
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
            return result.exitCode();
        }
    }

    static SameException lostDaemon(Path root) {
        return new SameException("lost the connection to the daemon during the run",
                List.of("the daemon may have crashed or been killed; its log is "
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

    private Renderer renderer(Cli cli) {
        Terminal terminal = cli.terminal();
        if (json) {
            return new JsonRenderer(terminal);
        }
        OutputMode mode = ci ? OutputMode.linear : outputMode;
        if (mode == OutputMode.auto) {
            mode = terminal.interactive() && !Terminal.inCi(cli.environment()) ? OutputMode.tui : OutputMode.linear;
        }
        return mode == OutputMode.tui ? new InteractiveRenderer(terminal) : new LinearRenderer(terminal);
    }
}
