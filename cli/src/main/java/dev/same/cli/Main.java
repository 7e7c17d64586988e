package dev.same.cli;

import picocli.CommandLine;

/** Entry point of the {@code same} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Cli cli = Cli.system();
        CommandLine commandLine = SameCommand.commandLine(cli);
        int exit = commandLine.execute(args);
        cli.terminal().out().flush();
        cli.terminal().err().flush();
        return exit;
    }
}
