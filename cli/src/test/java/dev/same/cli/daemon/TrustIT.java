package dev.same.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.cli.daemon.DaemonWorkspace.Result;
import dev.same.cli.daemon.DaemonWorkspace.Running;
import dev.same.cli.e2e.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wrong states and wrong cache hits a tester found, each reproduced as they found it with the distribution's
 * {@code bin/same}: the daemon must give the answers a run without it gives, and no cache hit may be false.
 */
@Timeout(240)
class TrustIT {
    private static final Path DEMO = Path.of("../examples/demo").toAbsolutePath().normalize();
    private DaemonWorkspace ws;

    @BeforeEach
    void workspace() throws Exception {
        ws = new DaemonWorkspace();
    }

    @AfterEach
    void stopEverything() throws Exception {
        ws.close();
    }

    private Result ok(String... args) throws Exception {
        Result result = ws.same(args);
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    private static List<String> args(String mode, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (mode.equals("in process")) {
            all.add("--no-daemon");
        }
        return all;
    }

    private static int count(String text, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    @Test
    void tasksThatConsumeAnotherTasksOutputsStayCurrentInTheDaemon() throws Exception {
        TestFiles.copyTree(DEMO, ws.root);
        ok("run", "all");
        assertEquals(ok("status", "--no-daemon").stdout(), ok("status").stdout(), "daemon and fresh agree");
        assertTrue(ok("status").stdout().contains("4 tasks: 4 clean"), ok("status").toString());

        ws.file("packages/lib/src/name.txt", "world\n");
        ok("run", "all");
        Result again = ok("run", "all");

        assertEquals(4, count(again.stderr(), "~ Cached"), "nothing changed since the last run: " + again);
        assertFalse(again.stderr().contains("Completed"), again.toString());
        Result status = ok("status");
        assertTrue(status.stdout().contains("4 tasks: 4 clean"), status.toString());
        assertEquals(ok("status", "--no-daemon").stdout(), status.stdout());
    }

    @Test
    void anInputUnderNodeModulesIsTracked() throws Exception {
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  copy:
                    cmd: ["sh", "-c", "mkdir -p out && cp node_modules/dep/index.js out/"]
                    input: ["node_modules/dep/index.js"]
                    target: ["out"]
                """).file("node_modules/dep/index.js", "v1\n");
        ok("run", "copy");

        ws.file("node_modules/dep/index.js", "v2\n");
        Result second = ok("run", "copy");

        assertTrue(second.stderr().contains("Completed"), "the edit is seen: " + second);
        assertEquals("v2\n", Files.readString(ws.root.resolve("out/index.js")));
        assertTrue(ok("status").stdout().contains("copy  ✓ clean"), ok("status").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void anInputEditedWhileItsTaskRunsIsNotCachedUnderTheHashFromBefore(String mode) throws Exception {
        // the task waits for go.flag (not an input), so the test edits its input while it runs, without sleeping
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  copy:
                    cmd: ["sh", "-c", "echo started; while [ ! -f go.flag ]; do sleep 0.02; done; mkdir -p out && cp src/in.txt out/"]
                    input: ["src"]
                    target: ["out"]
                """).file("src/in.txt", "v2\n");
        Running run = ws.start(args(mode, "run", "copy", "--ci").toArray(String[]::new));
        run.awaitOutput("[copy] started");
        ws.file("src/in.txt", "v3\n");
        ws.file("go.flag", "");
        Result during = run.await();
        assertEquals(0, during.exitCode(), during.toString());
        assertTrue(during.stdout().contains("inputs changed while the task ran (src/in.txt): its result is not cached"),
                during.toString());

        ws.file("src/in.txt", "v2\n");
        Result after = ok(args(mode, "run", "copy", "--ci").toArray(String[]::new));

        assertTrue(after.stderr().contains("Completed"), "v2 was never recorded, so it runs: " + after);
        assertEquals("v2\n", Files.readString(ws.root.resolve("out/in.txt")));
    }

    @Test
    void independentTasksThatDeclareTheSameTargetAreAConfigError() throws Exception {
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  a:
                    cmd: ["sh", "-c", "mkdir -p out && echo a > out/a.txt"]
                    target: ["out"]
                  b:
                    cmd: ["sh", "-c", "mkdir -p out && echo b > out/b.txt"]
                    target: ["out"]
                """);
        for (String mode : List.of("in the daemon", "in process")) {
            Result result = ws.same(args(mode, "run", "all").toArray(String[]::new));

            assertEquals(1, result.exitCode(), result.toString());
            assertTrue(result.stderr().contains("overlapping targets: tasks 'a' and 'b' both write 'out'"),
                    result.toString());
            assertTrue(result.stderr().contains("a at same.yaml:"), "where each is written: " + result);
            assertFalse(result.stderr().contains("\tat "), "no stack trace: " + result);
        }
    }

    @Test
    void aTargetInsideADependencysTargetIsNeverWrittenBackByTheDependencysRestore() throws Exception {
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  a:
                    cmd: ["sh", "-c", "mkdir -p out && cp a.txt out/a.txt"]
                    input: ["a.txt"]
                    target: ["out"]
                  b:
                    cmd: ["sh", "-c", "mkdir -p out/b && cp b.txt out/b/b.txt"]
                    input: ["b.txt"]
                    target: ["out/b"]
                    dependsOn: ["a"]
                """).file("a.txt", "a1\n").file("b.txt", "b1\n");
        ok("run", "all");
        ws.file("a.txt", "a2\n");
        ok("run", "all"); // a runs while out/b holds b's files: they are not a's outputs
        ws.file("b.txt", "b2\n");
        ok("run", "all");

        ok("run", "a");

        assertEquals("b2\n", Files.readString(ws.root.resolve("out/b/b.txt")), "a's restore left b's file alone");
        assertEquals("a2\n", Files.readString(ws.root.resolve("out/a.txt")));
        Result status = ok("status");
        assertTrue(status.stdout().contains("2 tasks: 2 clean"), status.toString());
    }

    @Test
    void concurrentRunsAfterAnEditExecuteEachTaskOnce() throws Exception {
        TestFiles.copyTree(DEMO, ws.root);
        ok("run", "all");
        ws.file("packages/lib/src/name.txt", "world\n");

        List<Running> runs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            runs.add(ws.start("run", "all", "--ci"));
        }
        StringBuilder all = new StringBuilder();
        for (Running run : runs) {
            Result result = run.await();
            assertEquals(0, result.exitCode(), result.toString());
            all.append(result.stderr());
        }

        for (String task : List.of("lib:build", "lib:test", "app:build")) {
            assertEquals(1, count(all.toString(), "[" + task + "] ✓ Completed"), task + " ran once:\n" + all);
        }
        assertEquals(0, count(all.toString(), "[docs:site] ✓ Completed"), all.toString());
    }
}
