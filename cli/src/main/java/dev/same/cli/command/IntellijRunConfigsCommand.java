package dev.same.cli.command;

import dev.same.protocol.StatusParams;
import dev.same.protocol.client.RootFinder;
import dev.same.cli.Cli;
import dev.same.cli.SameCommand;
import dev.same.cli.connect.Connector;
import dev.same.cli.connect.ServerSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Writes IntelliJ shared run configurations ({@code .run/*.run.xml}) of the bundled Shell Script type
 * ({@code ShConfigurationType}) that run {@code same run TASK}: one-click runs in any JetBrains IDE, without the
 * same plugin. The options are those ShRunConfiguration writes (script text, working directory, interpreter,
 * terminal or Run window), so the IDE reads the files as if it had saved them itself.
 */
@Command(name = "intellij-run-configs", mixinStandardHelpOptions = true,
        description = {"Write IntelliJ run configurations (.run/*.run.xml) that run these tasks.",
                "Shell Script configurations, so a team without the same plugin still gets one-click runs."})
public final class IntellijRunConfigsCommand implements Callable<Integer> {
    @ParentCommand
    SameCommand parent;

    @Parameters(paramLabel = "TASK", arity = "1..*", description = "Tasks, as for 'same run': app:build, build, all.")
    List<String> tasks;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where the .run directory goes (default: the workspace root, the IDE project's directory).")
    Path dir;

    @Option(names = "--command", paramLabel = "CMD", description = "How the configurations call same (default: same).")
    String command = "same";

    @Option(names = "--no-daemon", description = "Check the tasks in this process.")
    boolean noDaemon;

    @Override
    public Integer call() throws Exception {
        Cli cli = parent.cli();
        Path root = RootFinder.find(cli.cwd());
        try (ServerSession session = Connector.open(cli, root, Connector.NO_PUSHES, noDaemon)) {
            // the server resolves the names as 'same run' does, and an unknown one fails as it does there
            session.request(session.server().status(new StatusParams(tasks, cli.cwd().toString(), false)));
        }
        Path runDir = (dir == null ? root : cli.cwd().resolve(dir)).resolve(".run");
        Files.createDirectories(runDir);
        List<Path> written = new ArrayList<>();
        for (String task : tasks) {
            Path file = runDir.resolve(fileName(task));
            Files.writeString(file, xml("same " + task, command + " run " + task));
            written.add(file);
        }
        written.forEach(file -> cli.terminal().out().println("wrote " + root.relativize(file.toAbsolutePath())));
        return 0;
    }

    /** {@code same_app_build.run.xml}: the configuration's name with what a file name cannot hold replaced. */
    static String fileName(String task) {
        return "same_" + task.replaceAll("[^A-Za-z0-9_.-]", "_") + ".run.xml";
    }

    /**
     * A shared Shell Script run configuration running {@code script} in the project's directory, its output in the
     * Run tool window ({@code EXECUTE_IN_TERMINAL} false: Stop and Rerun work there), with the default shell.
     */
    static String xml(String name, String script) {
        return """
                <component name="ProjectRunConfigurationManager">
                  <configuration default="false" name="%s" type="ShConfigurationType">
                    <option name="SCRIPT_TEXT" value="%s" />
                    <option name="INDEPENDENT_SCRIPT_PATH" value="true" />
                    <option name="SCRIPT_PATH" value="" />
                    <option name="SCRIPT_OPTIONS" value="" />
                    <option name="INDEPENDENT_SCRIPT_WORKING_DIRECTORY" value="true" />
                    <option name="SCRIPT_WORKING_DIRECTORY" value="$PROJECT_DIR$" />
                    <option name="INDEPENDENT_INTERPRETER_PATH" value="true" />
                    <option name="INTERPRETER_PATH" value="" />
                    <option name="INTERPRETER_OPTIONS" value="" />
                    <option name="EXECUTE_IN_TERMINAL" value="false" />
                    <option name="EXECUTE_SCRIPT_FILE" value="false" />
                    <envs />
                    <method v="2" />
                  </configuration>
                </component>
                """.formatted(attribute(name), attribute(script));
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\n", "&#10;");
    }
}
