package dev.same.cli.e2e;

import static dev.same.cli.e2e.TestWorkspace.assertSuccess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several processes on one workspace, and Ctrl-C. */
class ProcessIT {
    @TempDir
    Path temp;

    @Test
    void twoRunsAtOnceOnOneWorkspaceBothSucceed() {
        TestWorkspace ws = new TestWorkspace(temp);
        StringBuilder config = new StringBuilder("version: \"1\"\ntasks:\n");
        for (int i = 1; i <= 6; i++) {
            config.append("""
                      t%d:
                        cmd: ["sh", "-c", "mkdir -p out%d && seq 1 50000 > out%d/data.txt && echo t%d done"]
                        input: ["same.yaml"]
                        target: ["out%d"]
                    """.formatted(i, i, i, i, i));
        }
        ws.write("same.yaml", config.toString());

        SameProcess one = ws.start("", Map.of(), "run", "all");
        SameProcess two = ws.start("", Map.of(), "run", "all");
        SameProcess.Result first = assertSuccess(one.await());
        SameProcess.Result second = assertSuccess(two.await());

        String expected = IntStream.rangeClosed(1, 50000).mapToObj(Integer::toString)
                .reduce(new StringBuilder(), (b, n) -> b.append(n).append('\n'), StringBuilder::append).toString();
        for (int i = 1; i <= 6; i++) {
            assertEquals(expected, ws.read("out" + i + "/data.txt"));
            String task = "[t" + i + "] ";
            for (SameProcess.Result result : List.of(first, second)) {
                assertTrue(result.errLines().stream().anyMatch(l -> l.startsWith(task + "✓ Completed in ")
                        || l.startsWith(task + "~ Cached")), result::toString);
            }
        }
        SameProcess.Result third = assertSuccess(ws.same("run", "all"));
        assertEquals(6, third.errLines().stream().filter(l -> l.contains("~ Cached")).count(), third::toString);
    }

    @Test
    void whenTwoRunsWantTheSameTaskAtOnceItRunsOnceAndTheOtherRunFindsItCached() {
        TestWorkspace ws = new TestWorkspace(temp);
        // slow, so the two runs overlap; each execution appends a line, so running twice would show
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  slow:
                    cmd: ["sh", "-c", "echo ran >> ../executions.txt; sleep 2; mkdir -p out && echo built > out/result.txt"]
                    target: ["out"]
                """);

        SameProcess one = ws.start("", Map.of(), "run", "slow");
        SameProcess two = ws.start("", Map.of(), "run", "slow");
        List<SameProcess.Result> results = List.of(assertSuccess(one.await()), assertSuccess(two.await()));

        assertEquals("ran\n", ws.read("../executions.txt"), () -> "ran more than once:\n" + results);
        assertEquals(1, results.stream().filter(r -> r.stderr().contains("[slow] ~ Cached")).count(),
                results::toString);
        assertEquals("built\n", ws.read("out/result.txt"));
    }

    @Test
    void ctrlCStopsTheRunKillsTheTaskAndRecordsNothing() throws Exception {
        TestWorkspace ws = new TestWorkspace(temp);
        // slow until the file 'fast' exists, which is not an input: the task's hash stays the same
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  slow:
                    cmd: ["sh", "-c", "echo started; [ -f fast ] || sleep 60; echo finished"]
                """);
        SameProcess run = ws.start("", Map.of(), "run", "slow");
        SameProcess.waitUntil("the task has started", () -> run.stdoutSoFar().contains("[slow] started"));
        SameProcess.waitUntil("the sleep is running", () -> !sleeps(run.handle()).isEmpty());
        List<ProcessHandle> sleeps = sleeps(run.handle());

        run.interrupt();
        SameProcess.Result interrupted = run.await();

        assertEquals(130, interrupted.exitCode(), interrupted::toString);
        TestWorkspace.assertNoStackTrace(interrupted);
        for (ProcessHandle sleep : sleeps) {
            SameProcess.waitUntil("sleep " + sleep.pid() + " is gone", () -> gone(sleep));
        }
        assertEquals(List.of("[slow] started"), interrupted.outLines());

        Files.writeString(ws.path("fast"), "");
        SameProcess.Result next = assertSuccess(ws.same("run", "slow"));
        assertTrue(next.errLines().contains("[slow] Starting..."), "not cached: " + next);
        assertEquals(List.of("[slow] started", "[slow] finished"), next.outLines());
    }

    private static List<ProcessHandle> sleeps(ProcessHandle cli) {
        return cli.descendants().filter(p -> p.info().command().orElse("").endsWith("/sleep")).toList();
    }

    /** Dead: reaped, or a zombie its new parent has not reaped yet. */
    private static boolean gone(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException e) {
            return true;
        }
    }
}
