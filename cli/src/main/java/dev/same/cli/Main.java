package dev.same.cli;

import dev.same.cli.render.Style;
import java.util.Optional;

/** Entry point of the {@code same} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        ClassPathScans.useDefaultSelectorProvider();
        ClassPathScans.exit(run(args));
    }

    static int run(String[] args) {
        Cli cli = Cli.system();
        Optional<QuickCommand> quick = QuickCommand.parse(args);
        int exit = quick.isPresent() ? quick(cli, quick.get()) : SameCommand.commandLine(cli, args).execute(args);
        cli.terminal().out().flush();
        cli.terminal().err().flush();
        return exit;
    }

    /** The hot commands: parsed by {@link QuickCommand}, errors reported as picocli's handler reports them. */
    private static int quick(Cli cli, QuickCommand command) {
        Cli here = command.directory() == null ? cli : cli.withCwd(command.directory());
        try {
            return command.execute(here);
        } catch (Exception e) {
            return ErrorReporter.report(e, cli.terminal().err(), new Style(cli.terminal().colour()), command.debug());
        }
    }
}
