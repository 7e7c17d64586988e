package dev.same.cli.command;

import dev.same.cli.Cli;
import dev.same.cli.connect.Connector;
import dev.same.cli.SameCommand;
import dev.same.cli.connect.ServerSession;
import dev.same.protocol.CleanParams;
import dev.same.protocol.CleanResult;
import dev.same.protocol.client.RootFinder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "clean", mixinStandardHelpOptions = true,
        description = {"Remove the task cache (.same/cache): outputs, logs and records of past runs.",
                "Task outputs in the workspace are left alone."})
public final class CleanCommand implements Callable<Integer> {
    @ParentCommand
    SameCommand parent;

    @Option(names = {"-t", "--tools"}, description = "Remove the tool caches (.same/tools) instead.")
    boolean tools;

    @Option(names = {"-a", "--all"}, description = "Remove both the task cache and the tool caches.")
    boolean all;

    @Option(names = "--no-daemon", description = "Clean from this process.")
    boolean noDaemon;

    @Override
    public Integer call() throws Exception {
        Cli cli = parent.cli();
        CleanParams params = new CleanParams(all || !tools, all || tools);
        CleanResult result;
        try (ServerSession session = Connector.open(cli, RootFinder.find(cli.cwd()), Connector.NO_PUSHES, noDaemon)) {
            result = session.request(session.server().clean(params));
        }
        if (result.removed().isEmpty()) {
            cli.terminal().out().println("Nothing to clean.");
        } else {
            result.removed().forEach(line -> cli.terminal().out().println("Removed " + line));
        }
        return 0;
    }
}
