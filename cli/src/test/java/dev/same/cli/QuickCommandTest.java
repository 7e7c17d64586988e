package dev.same.cli;

import dev.same.cli.command.DaemonCommand;
import dev.same.cli.command.OutputMode;
import dev.same.cli.command.RunCommand;
import dev.same.cli.command.RunOptions;
import dev.same.cli.command.StatusCommand;
import dev.same.cli.command.StatusOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.cli.render.Terminal;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The quick parser takes exactly what picocli takes the same way, and leaves everything else to picocli. */
class QuickCommandTest {
    private static final PrintStream SINK = new PrintStream(OutputStream.nullOutputStream(), false,
            StandardCharsets.UTF_8);

    /** What picocli makes of the arguments, in the quick parser's terms. */
    private static QuickCommand picocli(String... args) {
        CommandLine line = SameCommand.commandLine(new Cli(Map.of(), Path.of("/w"), new Terminal(SINK, SINK, false,
                false, 100)));
        CommandLine.ParseResult parsed = line.parseArgs(args);
        SameCommand root = line.getCommand();
        CommandLine.ParseResult sub = parsed.subcommand();
        Object command = (sub.hasSubcommand() ? sub.subcommand() : sub).commandSpec().userObject();
        return switch (command) {
            case RunCommand run -> new QuickCommand.Run(root.directory, root.debug, new RunOptions(run.targets,
                    run.noCache, run.ci ? OutputMode.linear.name() : run.outputMode, run.json || root.json,
                    run.parallel, run.noDaemon, run.inspect, run.inspectOnError));
            case StatusCommand status -> new QuickCommand.Status(root.directory, root.debug,
                    new StatusOptions(status.targets, status.json || root.json, status.noDaemon));
            case DaemonCommand.Status status -> new QuickCommand.DaemonStatus(root.directory, root.debug,
                    status.json, status.verbose);
            default -> throw new AssertionError(command);
        };
    }

    @Test
    void plainRunsAndStatusesParseAsPicocliParsesThem() {
        for (List<String> args : List.of(
                List.of("run", "all"),
                List.of("run", "--ci", "app:build", "lib:test"),
                List.of("run", "-n", "--json", "-j", "3", "build"),
                List.of("run", "--parallel=2", "--no-daemon", "all"),
                List.of("run", "--parallel", "0", "-o", "tui", "all"),
                List.of("run", "--output-mode=linear", "all"),
                List.of("run", "-o", "ci", "all"),
                List.of("run", "-o", "fancy", "all"),
                List.of("--json", "run", "all"),
                List.of("--json", "status"),
                List.of("run", "-i", "--inspect-on-error=false", "all"),
                List.of("run", "--inspect", "--inspect-on-error", "all"),
                List.of("-C", "packages/app", "run", "build"),
                List.of("--debug", "run", "all", "--directory", "sub"),
                List.of("run", "--", "--odd-target"),
                List.of("status"),
                List.of("status", "--json", "app:build"),
                List.of("status", "--no-daemon", "-C", "x"),
                List.of("daemon", "status"),
                List.of("daemon", "status", "--json", "-v"),
                List.of("-C", "x", "daemon", "status", "--verbose"))) {
            String[] array = args.toArray(String[]::new);
            assertEquals(Optional.of(picocli(array)), QuickCommand.parse(array), String.join(" ", args));
        }
    }

    @Test
    void theVersionIsPrintedAsPicocliPrintsIt() throws Exception {
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"-V"}, new String[] {"version"})) {
            java.io.ByteArrayOutputStream quick = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream slow = new java.io.ByteArrayOutputStream();
            assertEquals(0, QuickCommand.parse(args).orElseThrow().execute(cli(quick)));
            assertEquals(0, SameCommand.commandLine(cli(slow)).execute(args));
            assertEquals(slow.toString(StandardCharsets.UTF_8), quick.toString(StandardCharsets.UTF_8), args[0]);
            assertTrue(quick.toString(StandardCharsets.UTF_8).startsWith("same version "), quick.toString());
        }
    }

    private static Cli cli(OutputStream out) {
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new Cli(Map.of(), Path.of("/w"), new Terminal(stream, SINK, false, false, 100));
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("run"), List.of("run", "--help"),
                List.of("run", "-j", "-1", "all"), List.of("run", "-j", "x", "all"), List.of("run", "--inspect-on-error=maybe",
                        "all"), List.of("run", "--unknown", "all"), List.of("run", "-nj2", "all"),
                List.of("--json", "daemon", "status"), List.of("status", "--ci"), List.of("status", "-n"),
                List.of("graph"), List.of("daemon"), List.of("daemon", "stop"), List.of("daemon", "--json", "status"),
                List.of("daemon", "status", "extra"), List.of("daemon", "status", "--no-daemon"),
                List.of("status", "-v"), List.of("run", "-v", "all"), List.of("run", "--ci=true", "all"),
                List.of("run", "all", "-C"), List.of("--version", "run"), List.of("version", "--help"),
                List.of("help", "run"))) {
            assertTrue(QuickCommand.parse(args.toArray(String[]::new)).isEmpty(), String.join(" ", args));
        }
    }
}
