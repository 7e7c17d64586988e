package dev.same.server.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ExecTaskProcessTest {
    @TempDir
    Path dir;

    private record Chunk(long offset, String text) {
    }

    private final List<Chunk> chunks = Collections.synchronizedList(new ArrayList<>());

    private Map<String, String> environment() {
        return Map.of("PATH", System.getenv("PATH"));
    }

    private TaskProcess.Outcome sh(String script) throws IOException, InterruptedException {
        return run(List.of("sh", "-c", script), new Cancellation());
    }

    private TaskProcess.Outcome run(List<String> argv, Cancellation cancellation)
            throws IOException, InterruptedException {
        return TaskProcess.run(argv, dir, environment(), dir.resolve("log.txt"),
                (offset, text) -> chunks.add(new Chunk(offset, text)), cancellation);
    }

    private String output() {
        StringBuilder all = new StringBuilder();
        chunks.forEach(c -> all.append(c.text()));
        return all.toString();
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("log.txt"));
    }

    /** Every chunk is whole lines, and starts where the previous one ended in the log. */
    private void assertWholeLinesAtIncreasingOffsets() {
        long expected = 0;
        for (Chunk chunk : chunks) {
            assertTrue(chunk.text().endsWith("\n"), "a chunk ends a line: " + chunk);
            assertEquals(expected, chunk.offset(), "offsets are contiguous");
            expected += chunk.text().getBytes(StandardCharsets.UTF_8).length;
        }
    }

    @Test
    void outputArrivesAsWholeLinesAtIncreasingOffsets() throws Exception {
        TaskProcess.Outcome outcome = sh("for i in $(seq 1 20000); do echo \"line $i\"; done; echo to-stderr >&2");

        assertTrue(outcome.succeeded());
        assertTrue(chunks.size() > 1, "more than one buffer's worth arrives in several chunks");
        assertWholeLinesAtIncreasingOffsets();
        List<String> lines = output().lines().toList();
        assertEquals(20001, lines.size());
        assertEquals("line 1", lines.getFirst());
        assertEquals("line 20000", lines.get(19999));
        assertEquals("to-stderr", lines.getLast(), "stderr goes to the same log");
        assertEquals(output(), log());
    }

    @Test
    void aLastLineWithoutNewlineGetsOneForTheSinkButNotInTheLog() throws Exception {
        TaskProcess.Outcome outcome = sh("printf 'first\\nlast'");

        assertTrue(outcome.succeeded());
        assertEquals("first\nlast\n", output());
        assertEquals("first\nlast", log());
        assertEquals(0, chunks.getFirst().offset());
    }

    @Test
    void aLineLongerThanTheBufferIsSplitBetweenCharactersNeverInsideOne() throws Exception {
        // 1 + 2 * 100_000 bytes: every 64 KiB boundary falls inside a two-byte 'é' unless the cut moves
        TaskProcess.Outcome outcome = sh("printf 'x'; i=0; while [ $i -lt 1000 ]; do printf '%s' \""
                + "é".repeat(100) + "\"; i=$((i+1)); done; echo");

        assertTrue(outcome.succeeded());
        assertTrue(chunks.size() > 1);
        StringBuilder joined = new StringBuilder();
        long offset = 0;
        for (Chunk chunk : chunks) {
            assertFalse(chunk.text().contains("\uFFFD"), "no character is cut in two");
            assertEquals(offset, chunk.offset());
            String piece = chunk.text().substring(0, chunk.text().length() - 1);
            joined.append(piece);
            offset += piece.getBytes(StandardCharsets.UTF_8).length;
        }
        assertEquals("x" + "é".repeat(100_000), joined.toString());
        assertEquals("x" + "é".repeat(100_000) + "\n", log());
    }

    @Test
    void reportsTheExitStatus() throws Exception {
        TaskProcess.Outcome outcome = sh("echo failing; exit 3");

        assertFalse(outcome.succeeded());
        assertEquals(3, outcome.exitCode());
        assertEquals("exit status 3", outcome.reason());
        assertEquals("failing\n", output());
    }

    @Test
    void aMissingCommandIsReportedByName() throws Exception {
        TaskProcess.Outcome outcome = run(List.of("no-such-command-same-test", "arg"), new Cancellation());

        assertFalse(outcome.succeeded());
        assertEquals("command not found: no-such-command-same-test", outcome.reason());
        assertTrue(chunks.isEmpty());
    }

    @Test
    void aCommandIsLookedUpOnTheTasksPathNotTheJvms() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("tools/bin"));
        Path tool = bin.resolve("my-tool");
        Files.writeString(tool, "#!/bin/sh\necho tool says $1\n");
        tool.toFile().setExecutable(true);

        TaskProcess.Outcome outcome = TaskProcess.run(List.of("my-tool", "hi"), dir,
                Map.of("PATH", bin + ":" + System.getenv("PATH")), dir.resolve("log.txt"),
                (offset, text) -> chunks.add(new Chunk(offset, text)), new Cancellation());

        assertTrue(outcome.succeeded(), outcome.reason());
        assertEquals("tool says hi\n", output());
    }

    @Test
    void aMissingWorkingDirectoryIsReported() throws Exception {
        Path missing = dir.resolve("nowhere");

        TaskProcess.Outcome outcome = TaskProcess.run(List.of("sh", "-c", "true"), missing, environment(),
                dir.resolve("log.txt"), (offset, text) -> chunks.add(new Chunk(offset, text)), new Cancellation());

        assertFalse(outcome.succeeded());
        assertEquals("working directory does not exist: " + missing, outcome.reason());
    }

    @Test
    void runsInTheWorkingDirectoryWithStdinClosed() throws Exception {
        TaskProcess.Outcome outcome = sh("pwd; cat; echo after-stdin");

        assertTrue(outcome.succeeded());
        assertEquals(dir.toRealPath() + "\nafter-stdin\n", output());
    }

    @Test
    void cancellationKillsTheWholeProcessTree() throws Exception {
        Cancellation cancellation = new Cancellation();
        CompletableFuture<TaskProcess.Outcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return run(List.of("sh", "-c", "sleep 100 & sleep 100; wait"), cancellation);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        waitFor(() -> sleeps().size() == 2, "both sleeps started");
        List<ProcessHandle> sleeps = sleeps();
        List<ProcessHandle> shells = ProcessHandle.current().children()
                .filter(p -> p.info().command().orElse("").endsWith("sh")).toList();

        cancellation.cancel();

        TaskProcess.Outcome result = outcome.get();
        assertTrue(result.cancelled());
        assertFalse(result.succeeded());
        assertEquals("cancelled", result.reason());
        for (ProcessHandle process : sleeps) {
            waitFor(() -> gone(process), "sleep " + process.pid() + " is killed");
        }
        shells.forEach(shell -> assertFalse(shell.isAlive()));
    }

    @Test
    void anAlreadyCancelledRunStartsNothing() throws Exception {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        TaskProcess.Outcome outcome = run(List.of("sh", "-c", "echo should-not-run"), cancellation);

        assertTrue(outcome.cancelled());
        assertTrue(chunks.isEmpty());
    }

    @Test
    void theProcessSeesExactlyItsHermeticEnvironment() throws Exception {
        Map<String, String> caller = Map.of("HOME", "/home/someone", "PATH", System.getenv("PATH"),
                "USER", "someone", "TERM", "xterm-256color", "SECRET_TOKEN", "hunter2", "LANG", "C.UTF-8");
        Map<String, String> env = TaskEnvironment.build(caller, Map.of(), Map.of("MODE", "production"));

        TaskProcess.Outcome outcome = TaskProcess.run(List.of("env"), dir, env, dir.resolve("log.txt"),
                (offset, text) -> chunks.add(new Chunk(offset, text)), new Cancellation());

        assertTrue(outcome.succeeded(), outcome.reason());
        List<String> seen = output().lines().sorted().toList();
        assertEquals(List.of("HOME=/home/someone", "MODE=production", "PATH=" + System.getenv("PATH"),
                "TERM=xterm-256color", "USER=someone"), seen);
    }

    private static List<ProcessHandle> sleeps() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").endsWith("/sleep"))
                .toList();
    }

    /** Dead: reaped, or a zombie its new parent has not reaped yet. */
    private static boolean gone(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
