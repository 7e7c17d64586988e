package dev.same.server.process;

import dev.same.server.process.ProcessTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a helper process (an environment command, {@code nix}) to completion: stdin empty, stdout and stderr
 * captured apart, the whole process tree killed when it outlives its time limit.
 */
public final class ProcessRunner {
    /** How it ended; {@code timedOut} processes were killed, their exit code is meaningless. */
    public record Result(int exitCode, String stdout, String stderr, boolean timedOut) {
    }

    private ProcessRunner() {
    }

    /**
     * @param timeout null for none
     * @throws IOException when the program cannot be started
     */
    public static Result run(List<String> argv, Path directory, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = Thread.ofVirtual().name("same-env-stderr")
                    .start(() -> copy(process.getErrorStream(), err));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread outReader = Thread.ofVirtual().name("same-env-stdout")
                    .start(() -> copy(process.getInputStream(), out));
            boolean finished = timeout == null ? waitFor(process)
                    : process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                ProcessTrees.kill(process.toHandle());
            }
            outReader.join(Duration.ofSeconds(5));
            errReader.join(Duration.ofSeconds(5));
            // ByteArrayOutputStream is synchronized: a reader still copying after a kill is no harm
            return new Result(finished ? process.exitValue() : -1, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8), !finished);
        } catch (InterruptedException e) {
            ProcessTrees.kill(process.toHandle());
            throw e;
        }
    }

    private static boolean waitFor(Process process) throws InterruptedException {
        process.waitFor();
        return true;
    }

    private static void copy(InputStream in, ByteArrayOutputStream sink) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sink.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the process was killed: keep what arrived
        }
    }
}
