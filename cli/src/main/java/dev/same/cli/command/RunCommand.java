package dev.same.cli.command;

import dev.same.cli.Cli;
import dev.same.cli.SameCommand;
import java.util.List;
import java.util.concurrent.Callable;
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
public final class RunCommand implements Callable<Integer> {
    @ParentCommand
    SameCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGET", arity = "0..*", description = "Tasks to run.")
    public List<String> targets = List.of();

    @Option(names = {"-n", "--no-cache"}, description = "Run every task even when cached (results are still recorded).")
    public boolean noCache;

    @Option(names = {"-o", "--output-mode"}, paramLabel = "MODE",
            description = "auto (default: tui on a terminal, linear otherwise or in CI), tui, linear (or ci).")
    public String outputMode = OutputMode.auto.name();

    @Option(names = "--ci", description = "Same as --output-mode linear.")
    public boolean ci;

    @Option(names = "--json", description = "Print the run's events as JSON lines on stdout (also: same --json run).")
    public boolean json;

    @Option(names = {"-j", "--parallel"}, paramLabel = "N",
            description = "Run at most N tasks at once (default: number of CPUs).")
    public int parallel;

    @Option(names = "--no-daemon", description = "Run in this process instead of the daemon (also: SAME_DAEMON=0).")
    public boolean noDaemon;

    @Option(names = {"-i", "--inspect"},
            description = "On a terminal, keep the inspect view (tasks beside their logs) open after the run.")
    public boolean inspect;

    @Option(names = "--inspect-on-error", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "On a terminal, open the inspect view after a failed run (default: true).")
    public boolean inspectOnError = true;

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
        return RunAction.run(cli, new RunOptions(targets, noCache, ci ? OutputMode.linear.name() : outputMode,
                json || parent.json, parallel, noDaemon, inspect, inspectOnError));
    }
}
