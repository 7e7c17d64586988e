package dev.same.cli.command;

import dev.same.cli.Cli;
import dev.same.cli.connect.Connector;
import dev.same.cli.SameCommand;
import dev.same.cli.connect.ServerSession;
import dev.same.cli.render.Style;
import dev.same.protocol.Change;
import dev.same.protocol.ExplainParams;
import dev.same.protocol.ExplainResult;
import dev.same.protocol.client.RootFinder;
import dev.same.protocol.client.Json;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "why", mixinStandardHelpOptions = true,
        description = "Explain what changed for a task since its last successful run, file by file.")
public final class WhyCommand implements Callable<Integer> {
    @ParentCommand
    SameCommand parent;

    @Parameters(paramLabel = "TASK", description = "project:task, or a task name of the project you are in.")
    String task;

    @Option(names = "--json", description = "Print the explanation as JSON.")
    boolean json;

    @Option(names = "--no-daemon", description = "Compute the explanation in this process.")
    boolean noDaemon;

    @Override
    public Integer call() throws Exception {
        Cli cli = parent.cli();
        ExplainResult result;
        try (ServerSession session = Connector.open(cli, RootFinder.find(cli.cwd()), Connector.NO_PUSHES,
                noDaemon)) {
            result = session.request(session.server().explain(new ExplainParams(task, cli.cwd().toString(), true)));
        }
        PrintStream out = cli.terminal().out();
        if (json || parent.json) {
            out.println(Json.text(result, true));
            return 0;
        }
        Style style = new Style(cli.terminal().colour());
        out.println(style.bold(result.task()) + " is " + StatusAction.state(result.state(), style, 0)
                + previousRun(result));
        if (result.changes().isEmpty()) {
            out.println("  nothing changed since its last successful run: 'same run' answers it from the cache");
        }
        for (Change change : result.changes()) {
            out.println("  " + change.detail());
        }
        return 0;
    }

    private static String previousRun(ExplainResult result) {
        if (result.previousFinishedAtMillis() == null) {
            return "";
        }
        Duration ago = Duration.between(Instant.ofEpochMilli(result.previousFinishedAtMillis()), Instant.now());
        return String.format(Locale.ROOT, " (last successful run %s ago)", human(ago));
    }

    private static String human(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86400) {
            return seconds / 3600 + "h";
        }
        return seconds / 86400 + "d";
    }
}
