package dev.same.cli.command;

import dev.same.cli.Cli;
import dev.same.cli.connect.Connector;
import dev.same.cli.SameCommand;
import dev.same.cli.connect.ServerSession;
import dev.same.protocol.EnvParams;
import dev.same.protocol.EnvResult;
import dev.same.protocol.client.RootFinder;
import dev.same.protocol.client.Json;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "env", mixinStandardHelpOptions = true,
        description = {"Print the environment a task runs with: your HOME, TERM, USER and PATH, then its tool "
                + "environment (Nix tools or an env command; its PATH in front), then its own 'environment'.",
                "The output can be evaluated by a shell: eval \"$(same env web:build)\"."})
public final class EnvironmentCommand implements Callable<Integer> {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+,=-]+");

    @ParentCommand
    SameCommand parent;

    @Parameters(paramLabel = "TASK", description = "project:task, or a task name of the project you are in.")
    String task;

    @Option(names = "--json", description = "Print task, hash, variables and source as JSON.")
    boolean json;

    @Option(names = "--no-daemon", description = "Resolve the environment in this process.")
    boolean noDaemon;

    @Override
    public Integer call() throws Exception {
        Cli cli = parent.cli();
        EnvResult result;
        try (ServerSession session = Connector.open(cli, RootFinder.find(cli.cwd()), Connector.NO_PUSHES,
                noDaemon)) {
            result = session.request(session.server().environment(new EnvParams(task, cli.cwd().toString(),
                    cli.taskEnvironment())));
        }
        PrintStream out = cli.terminal().out();
        if (json || parent.json) {
            out.println(Json.text(result, true));
            return 0;
        }
        out.println("# " + result.task() + ": tool environment " + result.hash().substring(0, 12) + " from "
                + result.source());
        for (Map.Entry<String, String> variable : new java.util.TreeMap<>(result.variables()).entrySet()) {
            out.println("export " + variable.getKey() + "=" + quoted(variable.getValue()));
        }
        return 0;
    }

    /** As a POSIX shell reads it back: bare when safe, else in single quotes. */
    static String quoted(String value) {
        if (!value.isEmpty() && PLAIN.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
