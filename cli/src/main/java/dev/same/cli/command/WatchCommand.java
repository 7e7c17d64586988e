package dev.same.cli.command;

import dev.same.cli.Cli;
import dev.same.cli.connect.Connector;
import dev.same.cli.connect.DaemonConnector;
import dev.same.cli.ErrorReporter;
import dev.same.cli.connect.RunIds;
import dev.same.cli.SameCommand;
import dev.same.cli.render.LinearRenderer;
import dev.same.cli.render.Renderer;
import dev.same.cli.render.Style;
import dev.same.protocol.CancelParams;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.StatusParams;
import dev.same.protocol.Subscription;
import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatusInfo;
import dev.same.protocol.client.SameClient;
import dev.same.protocol.client.UserError;
import dev.same.protocol.client.RootFinder;
import dev.same.protocol.client.BuildId;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Run the targets, then run them again whenever one of their tasks becomes dirty.",
                "A change during a run cancels it and starts a new one. Stop with Ctrl-C."})
public final class WatchCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    SameCommand parent;

    @Parameters(paramLabel = "TARGET", arity = "1..*", description = "Tasks to keep up to date.")
    List<String> targets;

    private final LinkedBlockingQueue<Boolean> dirtied = new LinkedBlockingQueue<>();
    private volatile Set<String> watched = Set.of();

    @Override
    public Integer call() throws Exception {
        Cli cli = parent.cli();
        if (Connector.daemonDisabled(cli)) {
            throw new UserError("same watch needs the daemon, which SAME_DAEMON=0 turns off",
                    List.of("unset SAME_DAEMON, or run 'same run' again after each change"));
        }
        Path root = RootFinder.find(cli.cwd());
        Renderer renderer = new LinearRenderer(cli.terminal(), targets);
        Style style = new Style(cli.terminal().colour());
        DaemonConnector connector = new DaemonConnector(root, cli.environment());
        try (SameClient client = connector.connectOrSpawn(new Pushes(renderer), Connector.idleTimeout(cli))) {
            client.initialize("cli-watch", BuildId.current(), root, List.of(Subscription.HASHES), DaemonConnector.HANDSHAKE_MILLIS);
            watched = client.server().status(new StatusParams(targets, cli.cwd().toString(), true))
                    .get().tasks().stream().map(TaskStatusInfo::id).collect(Collectors.toSet());
            while (!client.closed().isDone()) {
                String runId = RunIds.next();
                dirtied.clear();
                CompletableFuture<RunResult> run = client.server().runStart(new RunParams(runId, targets,
                        cli.cwd().toString(), cli.taskEnvironment(), false, 0));
                boolean restarted = false;
                while (!run.isDone()) {
                    if (dirtied.poll(100, TimeUnit.MILLISECONDS) != null) {
                        client.server().runCancel(new CancelParams(runId)).get();
                        restarted = true;
                    }
                }
                if (!run.isCompletedExceptionally()) {
                    RunResult result = run.get();
                    cli.terminal().err().println(style.dim(restarted ? "— changes during the run: starting again"
                            : (result.success() ? "✓" : "✗") + " run finished; watching for changes (Ctrl-C to stop)"));
                    cli.terminal().err().flush();
                } else {
                    ErrorReporter.report(run.exceptionNow(), cli.terminal().err(), style, parent.debug);
                }
                if (!restarted) {
                    dirtied.take();
                }
            }
            throw RunAction.lostDaemon(root);
        }
    }

    /** Run pushes go to the renderer; a watched task turning dirty wakes the loop. */
    private final class Pushes implements SameClientApi {
        private final Renderer renderer;

        Pushes(Renderer renderer) {
            this.renderer = renderer;
        }

        @Override
        public void runEvent(RunEvent event) {
            renderer.runEvent(event);
        }

        @Override
        public void runOutput(RunOutput output) {
            renderer.runOutput(output);
        }

        @Override
        public void hashesChanged(HashesChanged change) {
            boolean relevant = change.tasks().stream()
                    .anyMatch(t -> watched.contains(t.id()) && t.state() == TaskState.DIRTY);
            if (relevant) {
                dirtied.add(Boolean.TRUE);
            }
        }
    }
}
