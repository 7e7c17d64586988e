package dev.same.cli;

import dev.same.cli.command.CleanCommand;
import dev.same.cli.command.CompletionCommand;
import dev.same.cli.command.DaemonCommand;
import dev.same.cli.command.DoctorCommand;
import dev.same.cli.command.EnvironmentCommand;
import dev.same.cli.command.GraphCommand;
import dev.same.cli.command.IntellijRunConfigsCommand;
import dev.same.cli.command.LspCommand;
import dev.same.cli.command.RunCommand;
import dev.same.cli.command.StatusCommand;
import dev.same.cli.command.VersionCommand;
import dev.same.cli.command.WatchCommand;
import dev.same.cli.command.WhyCommand;
import dev.same.cli.render.Style;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "same",
        description = "A monorepo task runner with a warm daemon.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class)
public final class SameCommand implements Runnable {
    /**
     * The subcommands by name, in the order help lists them. Registered here rather than in the annotation, so
     * that a command line naming one builds picocli's model of that one only: building all of them is most of
     * picocli's start-up.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            RunCommand.class, StatusCommand.class, WhyCommand.class, EnvironmentCommand.class, GraphCommand.class,
            CleanCommand.class, WatchCommand.class, DaemonCommand.class, VersionCommand.class, DoctorCommand.class,
            CompletionCommand.class, IntellijRunConfigsCommand.class, LspCommand.class,
            CommandLine.HelpCommand.class);
    /** Subcommands that need every other one: help lists them, completion writes them all out. */
    private static final Set<String> NEED_ALL = Set.of("help", "completion");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", description = "Show stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    public boolean debug;

    /** The original's global flag: {@code same --json run build} is {@code same run --json build}. */
    @Option(names = "--json", description = "Print JSON: the run's events, the status, ... (as each command's --json).")
    public boolean json;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR",
            description = "Run as if started in DIR.", scope = CommandLine.ScopeType.INHERIT)
    Path directory;

    private Cli cli;

    @Override
    public void run() {
        spec.commandLine().usage(cli.terminal().out());
    }

    public Cli cli() {
        return directory == null ? cli : cli.withCwd(directory);
    }

    /** The whole command line, every subcommand in it. */
    static CommandLine commandLine(Cli cli) {
        return commandLine(cli, SUBCOMMANDS.keySet());
    }

    /**
     * The command line for these arguments: only the subcommand they name, when they plainly name one, else all
     * (no subcommand, help, an option the root does not take, a misspelt name). Either way the arguments parse
     * alike; only the work of building the model differs.
     */
    public static CommandLine commandLine(Cli cli, String[] args) {
        String named = subcommandNamed(args);
        return commandLine(cli, named == null ? SUBCOMMANDS.keySet() : Set.of(named));
    }

    /** The subcommand the arguments name after the root's own options, if it needs no other one. */
    static String subcommandNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-C") || arg.equals("--directory")) {
                i++;
            } else if (!arg.equals("--debug") && !arg.equals("--json") && !arg.startsWith("--directory=") && !(arg.startsWith("-C")
                    && arg.length() > 2)) {
                return SUBCOMMANDS.containsKey(arg) && !NEED_ALL.contains(arg) ? arg : null;
            }
        }
        return null;
    }

    private static CommandLine commandLine(Cli cli, Set<String> subcommands) {
        SameCommand root = new SameCommand();
        root.cli = cli;
        CommandLine commandLine = new CommandLine(root);
        SUBCOMMANDS.forEach((name, type) -> {
            if (subcommands.contains(name)) {
                commandLine.addSubcommand(name, type);
            }
        });
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

    private static Map<String, Class<?>> subcommands(Class<?>... types) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> type : types) {
            byName.put(type.getAnnotation(Command.class).name(), type);
        }
        return byName;
    }
}
