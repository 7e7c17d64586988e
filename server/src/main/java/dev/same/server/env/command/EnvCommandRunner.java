package dev.same.server.env.command;

import dev.same.server.env.EnvSettings;
import dev.same.server.process.Output;
import dev.same.server.process.ProcessRunner;
import dev.same.server.SameException;
import dev.same.server.config.EnvCommand;
import dev.same.server.process.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs an environment command in the directory it is written for and reads the variables it prints. It gets a
 * small, fixed part of the server's environment ({@link #PASSED_THROUGH}), no input, and {@code timeout} to
 * finish; every way it can go wrong is a {@link SameException} showing what it printed.
 */
public final class EnvCommandRunner {
    /** The server's variables an environment command sees: enough for direnv, mise, devbox and scripts. */
    static final List<String> PASSED_THROUGH = List.of("HOME", "USER", "LOGNAME", "PATH", "SHELL", "TERM", "LANG",
            "LC_ALL", "LC_CTYPE", "TMPDIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
            "XDG_RUNTIME_DIR");

    private final Path root;
    private final Duration timeout;
    private final Map<String, String> environment;

    public EnvCommandRunner(Path root, Duration timeout, Map<String, String> serverEnvironment) {
        this.root = root;
        this.timeout = timeout;
        Map<String, String> passed = new TreeMap<>();
        for (String name : PASSED_THROUGH) {
            String value = serverEnvironment.get(name);
            if (value != null) {
                passed.put(name, value);
            }
        }
        this.environment = Map.copyOf(passed);
    }

    SortedMap<String, String> run(EnvCommand env) {
        Path directory = root.resolve(env.baseDir());
        List<String> argv = new ArrayList<>(env.command());
        String program = argv.getFirst();
        if (program.contains("/")) {
            argv.set(0, directory.resolve(program).normalize().toString());
        } else {
            argv.set(0, Executables.resolve(program, environment.get("PATH"), directory).map(Path::toString)
                    .orElseThrow(() -> failure(env, "environment command not found: " + program, List.of(
                            "it is looked up on the PATH same runs with: install it, or write its path"))));
        }
        ProcessRunner.Result result;
        try {
            result = ProcessRunner.run(argv, Files.isDirectory(directory) ? directory : root, environment, timeout);
        } catch (IOException e) {
            throw failure(env, "cannot start environment command " + program + ": " + e.getMessage(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(env, "interrupted while the environment command ran", List.of());
        }
        if (result.timedOut()) {
            List<String> context = new ArrayList<>();
            context.add("it was stopped: it must print the environment and exit (its input is empty)");
            context.add("raise the limit with " + EnvSettings.TIMEOUT_VARIABLE + ", e.g. "
                    + EnvSettings.TIMEOUT_VARIABLE + "=120s");
            context.add("it printed:");
            context.addAll(Output.lastLines(result.stdout() + result.stderr()));
            throw failure(env, "environment command timed out after " + seconds(timeout) + ": " + text(env), context);
        }
        if (result.exitCode() != 0) {
            List<String> context = new ArrayList<>();
            context.add("it printed:");
            context.addAll(Output.lastLines(result.stderr() + "\n" + result.stdout()));
            throw failure(env, "environment command failed with exit status " + result.exitCode() + ": " + text(env),
                    context);
        }
        try {
            return EnvOutput.parse(result.stdout());
        } catch (IllegalArgumentException e) {
            List<String> context = new ArrayList<>();
            context.add(e.getMessage());
            context.add("expected a JSON object or KEY=VALUE lines; it printed:");
            context.addAll(Output.lastLines(result.stdout()));
            throw failure(env, "environment command printed something that is not an environment: " + text(env),
                    context);
        }
    }

    private SameException failure(EnvCommand env, String message, List<String> hints) {
        List<String> context = new ArrayList<>();
        context.add("at " + where(env));
        context.addAll(hints);
        return new SameException(message, context);
    }

    /** The entry's file and line, relative to the root. */
    String where(EnvCommand env) {
        Path file = env.location().file();
        String name = file.isAbsolute() && file.startsWith(root) ? root.relativize(file).toString() : file.toString();
        return env.location().line() > 0 ? name + ":" + env.location().line() : name;
    }

    static String text(EnvCommand env) {
        return String.join(" ", env.command());
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
