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
        // lsp4j reports a peer's normal disconnect with a stack trace at INFO; the CLI says what matters itself
        java.util.logging.Logger.getLogger("org.eclipse.lsp4j").setLevel(java.util.logging.Level.OFF);
        Cli cli = Cli.system();
        CommandLine commandLine = SameCommand.commandLine(cli);
        int exit = commandLine.execute(args);
        cli.terminal().out().flush();
        cli.terminal().err().flush();
        return exit;
    }
}
