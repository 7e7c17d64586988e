package dev.same.cli;

import dev.same.cli.render.Style;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "same",
        description = "A monorepo task runner with a warm daemon.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        subcommands = {RunCommand.class, StatusCommand.class, WhyCommand.class, EnvironmentCommand.class,
                GraphCommand.class, CleanCommand.class,
                WatchCommand.class, DaemonCommand.class,
                VersionCommand.class, DoctorCommand.class,
                CompletionCommand.class, CommandLine.HelpCommand.class})
public final class SameCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", description = "Show stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR",
            description = "Run as if started in DIR.", scope = CommandLine.ScopeType.INHERIT)
    Path directory;

    private Cli cli;

    @Override
    public void run() {
        spec.commandLine().usage(cli.terminal().out());
    }

    Cli cli() {
        return directory == null ? cli : cli.withCwd(directory);
    }

    static CommandLine commandLine(Cli cli) {
        SameCommand root = new SameCommand();
        root.cli = cli;
        CommandLine commandLine = new CommandLine(root);
        Style style = new Style(cli.terminal().colour());
        commandLine.setOut(new java.io.PrintWriter(cli.terminal().out(), true));
        commandLine.setErr(new java.io.PrintWriter(cli.terminal().err(), true));
        commandLine.setExecutionExceptionHandler((error, cmd, parsed) ->
                ErrorReporter.report(error, cli.terminal().err(), style, root.debug));
        commandLine.setParameterExceptionHandler((error, args) -> {
            cli.terminal().err().println(style.red("✗ Error: ") + error.getMessage());
            cli.terminal().err().println("  run '" + error.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for usage");
            cli.terminal().err().flush();
            return 1;
        });
        return commandLine;
    }
}
