package dev.same.cli;

import dev.same.cli.render.Terminal;
import dev.same.protocol.client.SameSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run for the AOT cache of commands that run in process ({@code --no-daemon}, {@code SAME_DAEMON=0},
 * and the first command when no daemon answers, handed over to a JVM with this cache): {@code bin/same} runs it
 * once per exact set of jars and JDK, in the background, after the CLI's own training. It runs the commands users
 * run most, in process, on a small workspace of real tasks: a build that records, then cache hits, a restore of a
 * deleted output, {@code status}, {@code why} and {@code graph}, so the engine's classes are loaded, linked and
 * profiled ahead of time; then a command that finds no daemon and starts one. The CLI's own cache leaves them out (see {@link AotTraining}). Then, with a remote cache
 * ({@link TrainingRemoteCache}), a build that uploads and a clean machine's restore: CI machines run in process,
 * and the HTTP client's classes cost a cold JVM a tenth of a second.
 */
public final class InProcessAotTraining {
    static final List<List<String>> COMMANDS = List.of(
            List.of("run", "all"), List.of("run", "all"), List.of("run", "--ci", "app:build"),
            List.of("status"), List.of("why", "app:build"), List.of("graph"));
    /** Run where no daemon answers yet, then stopping the daemon the first started. */
    static final List<List<String>> DAEMON_COMMANDS = List.of(List.of("status"), List.of("daemon", "stop"));
    /** Run with a remote cache: a build from nothing, which uploads, then a clean machine's, which restores. */
    static final List<List<String>> REMOTE_COMMANDS = List.of(List.of("run", "--ci", "all"),
            List.of("run", "--ci", "all"));

    private InProcessAotTraining() {
    }

    public static void main(String[] args) throws Exception {
        AotTraining.inTemporaryDirectory(InProcessAotTraining::train);
    }

    static List<Integer> train(Path temp) throws Exception {
        return train(temp, new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
    }

    /** Runs the training's commands in process, their output to {@code sink}; returns their exit statuses, in order. */
    static List<Integer> train(Path temp, PrintStream sink) throws Exception {
        Path root = Files.createDirectory(temp.resolve("workspace")).toRealPath();
        Files.writeString(root.resolve("same.work.yaml"), "version: \"1\"\nprojects:\n  - \"packages/*\"\n");
        writeProject(root, "lib", "");
        writeProject(root, "app", "    dependsOn: [\"lib:build\"]\n");
        Map<String, String> environment = Map.of(SameSettings.DAEMON, "0", "HOME", temp.toString(),
                "PATH", "/usr/bin:/bin", "TERM", "xterm");
        Cli cli = new Cli(environment, root, new Terminal(sink, sink, false, false, 100));
        List<Integer> statuses = new ArrayList<>();
        for (List<String> command : COMMANDS) {
            if (command.equals(List.of("run", "--ci", "app:build"))) {
                AotTraining.deleteTree(root.resolve("packages/app/out"));
            }
            statuses.add(execute(cli, command));
        }
        statuses.addAll(firstCommandWithoutADaemon(temp, root, environment, sink));
        try (TrainingRemoteCache remote = TrainingRemoteCache.start()) {
            Map<String, String> withRemote = new HashMap<>(environment);
            withRemote.put("SAME_REMOTE_CACHE_URL", remote.url());
            Cli remoteCli = new Cli(withRemote, root, new Terminal(sink, sink, false, false, 100));
            for (List<String> command : REMOTE_COMMANDS) {
                for (Path gone : List.of(root.resolve(".same"), root.resolve("packages/lib/out"),
                        root.resolve("packages/app/out"))) {
                    AotTraining.deleteTree(gone);
                }
                statuses.add(execute(remoteCli, command));
            }
        }
        return statuses;
    }

    /**
     * The first command when no daemon answers (of the day, after an upgrade): it looks for the daemon, runs in
     * process and starts one in the background, a JVM's first process start; then that daemon is stopped.
     */
    private static List<Integer> firstCommandWithoutADaemon(Path temp, Path root, Map<String, String> environment,
                                                            PrintStream sink) throws Exception {
        Map<String, String> withDaemon = new HashMap<>(environment);
        withDaemon.remove(SameSettings.DAEMON);
        withDaemon.put("XDG_RUNTIME_DIR", Files.createDirectory(temp.resolve("run")).toString());
        withDaemon.put(SameSettings.IDLE_TIMEOUT, "1m"); // should the stop below fail
        Cli cli = new Cli(withDaemon, root, new Terminal(sink, sink, false, false, 100));
        List<Integer> statuses = new ArrayList<>();
        for (List<String> command : DAEMON_COMMANDS) {
            statuses.add(execute(cli, command));
        }
        return statuses;
    }

    private static int execute(Cli cli, List<String> command) throws Exception {
        String[] args = command.toArray(String[]::new);
        var quick = QuickCommand.parse(args);
        return quick.isPresent() ? quick.get().execute(cli) : SameCommand.commandLine(cli, args).execute(args);
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
