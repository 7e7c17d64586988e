package dev.same.cli;

import dev.same.cli.command.DaemonStatusAction;
import dev.same.cli.command.OutputMode;
import dev.same.cli.command.RunAction;
import dev.same.cli.command.RunOptions;
import dev.same.cli.command.StatusAction;
import dev.same.cli.command.StatusOptions;
import dev.same.cli.command.VersionCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commands run most often, {@code same run}, {@code same status} and {@code same daemon status}, in their
 * plain forms, and {@code same --version}, recognised without picocli: its start-up (annotation proxies,
 * converters, old bytecode the AOT cache cannot hold) would cost more than a warm run itself. Anything unusual
 * (help, completion, a misspelt option, a bad value) is left to picocli, which parses it the same way and
 * reports errors.
 */
public sealed interface QuickCommand {
    /** {@code -C DIR} of the command line, or null. */
    Path directory();

    boolean debug();

    int execute(Cli cli) throws Exception;

    record Run(Path directory, boolean debug, RunOptions options) implements QuickCommand {
        @Override
        public int execute(Cli cli) throws Exception {
            return RunAction.run(cli, options);
        }
    }

    record Status(Path directory, boolean debug, StatusOptions options) implements QuickCommand {
        @Override
        public int execute(Cli cli) throws Exception {
            return StatusAction.show(cli, options);
        }
    }

    record DaemonStatus(Path directory, boolean debug, boolean json, boolean verbose) implements QuickCommand {
        @Override
        public int execute(Cli cli) throws Exception {
            return DaemonStatusAction.show(cli, json, verbose);
        }
    }

    /** {@code same --version}, {@code -V} or {@code same version}: the same line as picocli's. */
    record Version() implements QuickCommand {
        @Override
        public Path directory() {
            return null;
        }

        @Override
        public boolean debug() {
            return false;
        }

        @Override
        public int execute(Cli cli) {
            cli.terminal().out().println(VersionCommand.line());
            return 0;
        }
    }

    /** The command, if the arguments are a plain run, status or version; empty for picocli to parse. */
    static Optional<QuickCommand> parse(String[] args) {
        try {
            return Optional.ofNullable(new Parser(args).command());
        } catch (IllegalArgumentException notQuick) {
            return Optional.empty();
        }
    }

    /** Throws IllegalArgumentException at anything it does not take for sure. */
    final class Parser {
        private final String[] args;
        private int next;
        private Path directory;
        private boolean debug;
        private String command;
        private String subcommand;
        private boolean verbose;
        private final List<String> targets = new ArrayList<>();
        private boolean noCache;
        private boolean ci;
        private String outputMode = OutputMode.auto.name();
        private boolean json;
        private int parallel;
        private boolean noDaemon;
        private boolean inspect;
        private boolean inspectOnError = true;
        private boolean rootJson;

        private Parser(String[] args) {
            this.args = args;
        }

        private QuickCommand command() {
            if (args.length == 1 && List.of("--version", "-V", "version").contains(args[0])) {
                return new Version();
            }
            boolean onlyTargets = false;
            while (next < args.length) {
                String arg = args[next++];
                if (onlyTargets || !arg.startsWith("-") || arg.equals("-")) {
                    if (command == null) {
                        command = arg;
                    } else if (command.equals("daemon") && subcommand == null) {
                        subcommand = arg;
                    } else {
                        targets.add(arg);
                    }
                } else if (arg.equals("--") && command != null) {
                    onlyTargets = true;
                } else {
                    option(arg);
                }
            }
            if ("run".equals(command) && !targets.isEmpty()) {
                return new Run(directory, debug, new RunOptions(targets, noCache,
                        ci ? OutputMode.linear.name() : outputMode, json, parallel, noDaemon, inspect,
                        inspectOnError));
            }
            if ("daemon".equals(command) && "status".equals(subcommand) && targets.isEmpty() && !noDaemon
                    && !rootJson) {
                return new DaemonStatus(directory, debug, json, verbose);
            }
            boolean runOptions = noCache || ci || !outputMode.equals(OutputMode.auto.name()) || parallel != 0 || inspect
                    || !inspectOnError;
            if ("status".equals(command) && !verbose && !runOptions) {
                return new Status(directory, debug, new StatusOptions(targets, json, noDaemon));
            }
            return null;
        }

        private void option(String arg) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            String inline = name.equals(arg) ? null : arg.substring(equals + 1);
            switch (name) {
                case "--debug" -> debug = flag(inline);
                case "-C", "--directory" -> directory = Path.of(value(inline));
                // before the command, the root's --json, as the original has it: same --json run build
                case "--json" -> {
                    rootJson |= command == null;
                    json = command == null ? flag(inline) : commandFlag(inline);
                }
                case "-v", "--verbose" -> {
                    if (!"status".equals(subcommand)) {
                        throw new IllegalArgumentException("an option of daemon status only");
                    }
                    verbose = flag(inline);
                }
                case "--no-daemon" -> noDaemon = commandFlag(inline);
                case "-n", "--no-cache" -> noCache = runFlag(inline);
                case "--ci" -> ci = runFlag(inline);
                case "-i", "--inspect" -> inspect = runFlag(inline);
                case "--inspect-on-error" -> {
                    requireRun();
                    inspectOnError = inline == null || Boolean.parseBoolean(strictBoolean(inline));
                }
                case "-j", "--parallel" -> {
                    requireRun();
                    parallel = Integer.parseInt(value(inline));
                    if (parallel < 0) {
                        throw new IllegalArgumentException("picocli reports it");
                    }
                }
                case "-o", "--output-mode" -> {
                    requireRun();
                    outputMode = value(inline);
                }
                default -> throw new IllegalArgumentException(arg);
            }
        }

        private boolean flag(String inline) {
            if (inline != null) {
                throw new IllegalArgumentException("a value for a flag");
            }
            return true;
        }

        private boolean commandFlag(String inline) {
            boolean daemonStatus = "daemon".equals(command) && "status".equals(subcommand);
            if (!"run".equals(command) && !"status".equals(command) && !daemonStatus) {
                throw new IllegalArgumentException("an option of run and status only");
            }
            return flag(inline);
        }

        private static String strictBoolean(String value) {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("picocli reports it");
            }
            return value;
        }

        private boolean runFlag(String inline) {
            requireRun();
            return flag(inline);
        }

        private void requireRun() {
            if (!"run".equals(command)) {
                throw new IllegalArgumentException("an option of run only");
            }
        }

        private String value(String inline) {
            if (inline != null) {
                return inline;
            }
            if (next >= args.length) {
                throw new IllegalArgumentException("a missing value");
            }
            return args[next++];
        }
    }
}
