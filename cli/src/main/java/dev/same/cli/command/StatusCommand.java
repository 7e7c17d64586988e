package dev.same.cli.command;

import dev.same.cli.SameCommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show every task's state: clean (a run would be a cache hit), dirty (it would run), "
                + "running, failed or unknown, and why."})
public final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    SameCommand parent;

    @Parameters(paramLabel = "TARGET", arity = "0..*", description = "Only these tasks and their dependencies.")
    public List<String> targets = List.of();

    @Option(names = "--json", description = "Print the status as JSON.")
    public boolean json;

    @Option(names = "--no-daemon", description = "Compute the status in this process.")
    public boolean noDaemon;

    @Override
    public Integer call() throws Exception {
        return StatusAction.show(parent.cli(), new StatusOptions(targets, json || parent.json, noDaemon));
    }
}
