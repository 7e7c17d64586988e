package dev.same.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.same.cli.render.Terminal;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line built for the subcommand its arguments name parses them as the whole one does. */
class SameCommandTest {
    private static final PrintStream SINK = new PrintStream(OutputStream.nullOutputStream(), false,
            StandardCharsets.UTF_8);
    private static final Cli CLI = new Cli(Map.of(), Path.of("/w"), new Terminal(SINK, SINK, false, false, 100));

    @Test
    void theNamedSubcommandIsFoundAfterTheRootsOptions() {
        assertEquals("graph", SameCommand.subcommandNamed(new String[] {"graph"}));
        assertEquals("why", SameCommand.subcommandNamed(new String[] {"-C", "x", "--debug", "why", "a:b"}));
        assertEquals("clean", SameCommand.subcommandNamed(new String[] {"--directory=x", "clean", "--all"}));
        assertEquals("daemon", SameCommand.subcommandNamed(new String[] {"-Cx", "daemon", "stop"}));
        assertEquals("env", SameCommand.subcommandNamed(new String[] {"--directory", "graph", "env"}));
        for (String[] all : List.of(new String[] {}, new String[] {"--help"}, new String[] {"-V"},
                new String[] {"help", "graph"}, new String[] {"completion"}, new String[] {"grpah"},
                new String[] {"--unknown", "graph"}, new String[] {"-C"})) {
            assertNull(SameCommand.subcommandNamed(all), String.join(" ", all));
        }
    }

    @Test
    void argumentsParseAsTheWholeCommandLineParsesThem() {
        for (List<String> args : List.of(
                List.of("graph"),
                List.of("graph", "--format", "dot", "-C", "packages/app"),
                List.of("-C", "x", "--debug", "why", "app:build"),
                List.of("clean", "--all"),
                List.of("daemon", "stop"),
                List.of("--directory=x", "daemon", "start", "--idle-timeout", "90s"),
                List.of("daemon", "logs", "-f"),
                List.of("env", "app:build"),
                List.of("watch"),
                List.of("doctor"),
                List.of("run", "--help"),
                List.of("status", "-v"),
                List.of("why"),
                List.of("graph", "--format", "svg"),
                List.of("daemon", "stop", "extra"))) {
            String[] array = args.toArray(String[]::new);
            assertEquals(parsed(SameCommand.commandLine(CLI), array),
                    parsed(SameCommand.commandLine(CLI, array), array), String.join(" ", args));
        }
    }

    @Test
    void aSubcommandsHelpIsTheSame() {
        for (String name : List.of("graph", "why", "clean", "daemon", "env", "watch", "doctor", "version")) {
            String[] args = {name, "--help"};
            assertEquals(SameCommand.commandLine(CLI).getSubcommands().get(name).getUsageMessage(),
                    SameCommand.commandLine(CLI, args).getSubcommands().get(name).getUsageMessage(), name);
        }
    }

    /** The chain of commands and, for each, its matched options and positional values; or the error. */
    private static List<String> parsed(CommandLine line, String[] args) {
        List<String> description = new ArrayList<>();
        CommandLine.ParseResult first;
        try {
            first = line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return List.of("error: " + e.getMessage());
        }
        for (CommandLine.ParseResult result = first; result != null; result = result.subcommand()) {
            description.add(result.commandSpec().qualifiedName());
            result.matchedOptions().forEach(option -> description.add(option.longestName() + "="
                    + option.getValue()));
            result.matchedPositionals().forEach(positional -> description.add("<" + positional.getValue() + ">"));
        }
        return description;
    }
}
