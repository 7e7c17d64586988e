package dev.same.server.exec;

import dev.same.server.process.Executables;
import dev.same.server.process.ProcessTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one task's command: combined stdout and stderr go to the log file and, line-aligned, to the sink.
 * A cancellation kills the whole process tree.
 */
public final class TaskProcess {
    private static final int CHUNK = 64 * 1024;

    /** How the process ended; {@code exitCode} is -1 when it could not start ({@code error} says why). */
    public record Outcome(int exitCode, String error, boolean cancelled) {
        /** A group task's: it has no command, and succeeds once its dependencies have. */
        public static final Outcome NOTHING_TO_RUN = new Outcome(0, null, false);

        public boolean succeeded() {
            return exitCode == 0 && !cancelled;
        }

        public String reason() {
            if (cancelled) {
                return "cancelled";
            }
            return error != null ? error : "exit status " + exitCode;
        }
    }

    private TaskProcess() {
    }

    public static Outcome run(List<String> argv, Path workingDir, Map<String, String> environment, Path logFile,
                              OutputSink sink, Cancellation cancellation) throws IOException, InterruptedException {
        return run(argv, workingDir, environment, logFile, sink, cancellation, RunningTasks.NONE);
    }

    /** Like the other, with the process recorded in {@code running} while it runs. */
    public static Outcome run(List<String> argv, Path workingDir, Map<String, String> environment, Path logFile,
                              OutputSink sink, Cancellation cancellation, RunningTasks running)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(workingDir)) {
            return new Outcome(-1, "working directory does not exist: " + workingDir, false);
        }
        Optional<Path> executable = Executables.resolve(argv.getFirst(), environment.get("PATH"), workingDir);
        if (executable.isEmpty()) {
            return new Outcome(-1, "command not found: " + argv.getFirst(), false);
        }
        List<String> command = new ArrayList<>(argv);
        command.set(0, executable.get().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        if (cancellation.isCancelled()) {
            return new Outcome(-1, null, true);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Outcome(-1, "could not start " + argv.getFirst() + ": " + e.getMessage(), false);
        }
        running.started(process.toHandle());
        try (AutoCloseable forget = () -> running.finished(process.toHandle());
             AutoCloseable ignored = cancellation.onCancel(() -> ProcessTrees.kill(process.toHandle()));
             OutputStream log = Files.newOutputStream(logFile)) {
            pump(process.getInputStream(), log, sink);
            int exit = process.waitFor();
            return new Outcome(exit, null, cancellation.isCancelled());
        } catch (InterruptedException e) {
            ProcessTrees.kill(process.toHandle());
            throw e;
        } catch (IOException e) {
            ProcessTrees.kill(process.toHandle());
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A captured log, handed to the sink as its output was when it ran: whole lines, in chunks, with offsets. It is
     * read as it goes, so a log of any size takes one chunk of memory.
     */
    static void replay(InputStream log, OutputSink sink) throws IOException {
        pump(log, OutputStream.nullOutputStream(), sink);
    }

    /**
     * Copies the stream to the log and hands whole lines to the sink; a last line without '\n' gets one. A line
     * longer than the buffer goes out in pieces, cut between characters, each piece ended with '\n' for the sink.
     */
    private static void pump(InputStream in, OutputStream log, OutputSink sink) throws IOException {
        byte[] buffer = new byte[CHUNK];
        int filled = 0;
        long offset = 0;
        while (true) {
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                break;
            }
            log.write(buffer, filled, read);
            filled += read;
            int end = lastNewline(buffer, filled);
            if (end < 0 && filled == buffer.length) {
                end = characterBoundary(buffer, filled) - 1;
            }
            if (end >= 0) {
                sink.output(offset, text(buffer, end + 1));
                offset += end + 1;
                System.arraycopy(buffer, end + 1, buffer, 0, filled - end - 1);
                filled -= end + 1;
            }
        }
        if (filled > 0) {
            sink.output(offset, text(buffer, filled));
        }
    }

    /** Where to cut {@code buffer[0, length)} so no UTF-8 sequence is split: before an incomplete last one. */
    static int characterBoundary(byte[] buffer, int length) {
        int start = length - 1;
        while (start > 0 && start > length - 4 && (buffer[start] & 0xC0) == 0x80) {
            start--;
        }
        int lead = buffer[start] & 0xFF;
        int size = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return start > 0 && start + size > length ? start : length;
    }

    private static String text(byte[] buffer, int length) {
        String text = new String(buffer, 0, length, StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static int lastNewline(byte[] buffer, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
