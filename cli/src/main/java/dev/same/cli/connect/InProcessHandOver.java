package dev.same.cli.connect;

import dev.same.cli.Main;
import dev.same.protocol.client.SameSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Hands a command that found no daemon to a new JVM made for running it in process: the same java, options and
 * arguments, with the launcher's in-process AOT cache ({@code bin/same} trains it) in place of the CLI's. The CLI's
 * cache holds the warm path's classes only, because a JVM loads every class of its cache at start: one cache for
 * both paths made every warm command use 2.6 times the CPU. The engine's classes from a cache of their own made an
 * in-process command about twice as fast, far more than the second JVM's start costs (bench/README.md). The
 * launcher starts most such commands with that cache at once; this covers a daemon announced but gone.
 */
final class InProcessHandOver {
    /** Given to the JVM taken over: the pid of the CLI that waits for it, whose death ends the command too. */
    static final String WAITING_PARENT = "SAME_HANDED_OVER_BY";

    private InProcessHandOver() {
    }

    /**
     * The command line of the JVM to hand over to; empty when there is no in-process cache yet, or this JVM's
     * own command line is unknown.
     */
    static Optional<List<String>> command(SameSettings settings) {
        String cache = settings.inProcessAotCache();
        if (!settings.aot() || cache == null || !Files.isRegularFile(Path.of(cache))) {
            return Optional.empty();
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        Optional<String> java = self.command();
        Optional<String[]> arguments = self.arguments();
        if (java.isEmpty() || arguments.isEmpty()) {
            return Optional.empty();
        }
        return withCache(java.get(), List.of(arguments.get()), cache);
    }

    /**
     * {@code java arguments}, its AOT cache replaced by {@code cache}; empty when the main class is not Main, or
     * when the JVM runs with that cache already (the launcher chose it, finding no daemon announced).
     */
    static Optional<List<String>> withCache(String java, List<String> arguments, String cache) {
        int main = arguments.indexOf(Main.class.getName());
        if (main < 0 || arguments.subList(0, main).contains("-XX:AOTCache=" + cache)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        arguments.subList(0, main).stream().filter(option -> !option.startsWith("-XX:AOTCache=")).forEach(command::add);
        command.addAll(List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off"));
        command.addAll(arguments.subList(main, arguments.size()));
        return Optional.of(command);
    }

    /**
     * Runs {@code command} in this terminal, in process ({@code SAME_DAEMON=0}), and returns its exit status; empty
     * when it could not start. A Ctrl-C in the terminal reaches both JVMs; a signal to this one only is passed on
     * (as SIGTERM, which the other handles as it does Ctrl-C). Either way this one ends after the other.
     */
    static OptionalInt run(List<String> command, Map<String, String> environment) {
        Map<String, String> childEnvironment = new HashMap<>(environment);
        childEnvironment.put(SameSettings.DAEMON, "0");
        childEnvironment.put(WAITING_PARENT, Long.toString(ProcessHandle.current().pid()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(childEnvironment);
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        Thread waitForChild = new Thread(() -> {
            child.destroy();
            awaitQuietly(child);
        });
        Runtime.getRuntime().addShutdownHook(waitForChild);
        int status = awaitQuietly(child);
        try {
            Runtime.getRuntime().removeShutdownHook(waitForChild);
        } catch (IllegalStateException shuttingDown) {
            // a signal came: the hook waits, and the JVM ends with the signal's status
        }
        return OptionalInt.of(status);
    }

    /** In a JVM taken over: if the CLI that waits for it dies (kill -9), the command ends as on Ctrl-C. */
    static void followParent(Map<String, String> environment) {
        String parent = environment.get(WAITING_PARENT);
        if (parent == null) {
            return;
        }
        Optional<ProcessHandle> waiting = ProcessHandle.current().parent()
                .filter(handle -> Long.toString(handle.pid()).equals(parent));
        waiting.ifPresent(handle -> handle.onExit().thenRun(() -> System.exit(130)));
    }

    private static int awaitQuietly(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: the child decides when the command ends
            }
        }
    }
}
