package dev.same.intellij.core.connection;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code same} launcher that starts the daemon: the configured one, else {@code same} on PATH, else the
 * nearest {@code same} script at or above the root, else a built distribution {@code cli/target/same/bin/same}
 * at or above the root (the VS Code extension looks in the same places).
 */
public final class Launcher {
    private static final long START_TIMEOUT_SECONDS = 60;

    private Launcher() {
    }

    public static Optional<Path> find(Path root, String configured, Map<String, String> environment) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured.strip()));
        }
        for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && isExecutable(Path.of(dir, "same"))) {
                return Optional.of(Path.of(dir, "same"));
            }
        }
        return upwards(root, Path.of("same")).or(() -> upwards(root, Path.of("cli", "target", "same", "bin", "same")));
    }

    private static Optional<Path> upwards(Path start, Path relative) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isExecutable(dir.resolve(relative))) {
                return Optional.of(dir.resolve(relative));
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    /** Runs {@code launcher daemon start} in the root and waits until it says the daemon runs. */
    public static void startDaemon(Path launcher, Path root, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "daemon", "start")
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output;
        try (var in = process.getInputStream()) {
            // the launcher prints one line or an error, then exits: reading to the end is the wait
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new DaemonStartException("could not start the same daemon with " + launcher + ": no answer in "
                        + START_TIMEOUT_SECONDS + "s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while starting the daemon");
        }
        if (process.exitValue() != 0) {
            throw new DaemonStartException("could not start the same daemon with " + launcher + ": "
                    + firstErrorLine(output));
        }
    }

    static String firstErrorLine(String output) {
        return output.lines().map(String::strip).filter(line -> line.contains("Error:")).findFirst()
                .or(() -> output.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst())
                .map(line -> line.replaceFirst("^✗ Error:\\s*", ""))
                .orElse("it exited without saying why");
    }
}
