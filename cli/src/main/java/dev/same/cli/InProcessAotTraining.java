package dev.same.cli;

import dev.same.cli.render.Terminal;
import dev.same.protocol.client.SameSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training run for the AOT cache of commands that run in process ({@code --no-daemon}, {@code SAME_DAEMON=0},
 * and the first command when no daemon answers, handed over to a JVM with this cache): {@code bin/same} runs it
 * once per exact set of jars and JDK, in the background, after the CLI's own training. It runs the commands users
 * run most, in process, on a small workspace of real tasks: a build that records, then cache hits, a restore of a
 * deleted output, {@code status}, {@code why} and {@code graph}, so the engine's classes are loaded, linked and
 * profiled ahead of time. The CLI's own cache leaves them out (see {@link AotTraining}).
 */
public final class InProcessAotTraining {
    static final List<List<String>> COMMANDS = List.of(
            List.of("run", "all"), List.of("run", "all"), List.of("run", "--ci", "app:build"),
            List.of("status"), List.of("why", "app:build"), List.of("graph"));

    private InProcessAotTraining() {
    }

    public static void main(String[] args) throws Exception {
        AotTraining.inTemporaryDirectory(InProcessAotTraining::train);
    }

    /** Runs the training's commands in process; returns their exit statuses, in order. */
    static List<Integer> train(Path temp) throws Exception {
        Path root = Files.createDirectory(temp.resolve("workspace")).toRealPath();
        Files.writeString(root.resolve("same.work.yaml"), "version: \"1\"\nprojects:\n  - \"packages/*\"\n");
        writeProject(root, "lib", "");
        writeProject(root, "app", "    dependsOn: [\"lib:build\"]\n");
        Map<String, String> environment = Map.of(SameSettings.DAEMON, "0", "HOME", temp.toString(),
                "PATH", "/usr/bin:/bin", "TERM", "xterm");
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Cli cli = new Cli(environment, root, new Terminal(sink, sink, false, false, 100));
        List<Integer> statuses = new ArrayList<>();
        for (List<String> command : COMMANDS) {
            if (command.equals(List.of("run", "--ci", "app:build"))) {
                AotTraining.deleteTree(root.resolve("packages/app/out"));
            }
            String[] args = command.toArray(String[]::new);
            var quick = QuickCommand.parse(args);
            statuses.add(quick.isPresent() ? quick.get().execute(cli) : SameCommand.commandLine(cli, args).execute(args));
        }
        return statuses;
    }

    private static void writeProject(Path root, String name, String dependsOn) throws Exception {
        Path project = Files.createDirectories(root.resolve("packages").resolve(name));
        Files.createDirectories(project.resolve("src"));
        Files.writeString(project.resolve("src/main.txt"), name + "\n");
        Files.writeString(project.resolve("same.yaml"), "version: \"1\"\nproject: " + name + "\ntasks:\n"
                + "  build:\n    cmd: [\"sh\", \"-c\", \"mkdir -p out && cp src/main.txt out/ && echo built\"]\n"
                + "    input: [\"src\"]\n    target: [\"out\"]\n" + dependsOn);
    }
}
