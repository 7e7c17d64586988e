package dev.same.cli.e2e;

import static dev.same.cli.e2e.TestWorkspace.assertContainsLine;
import static dev.same.cli.e2e.TestWorkspace.assertHasLineStartingWith;
import static dev.same.cli.e2e.TestWorkspace.assertNoStackTrace;
import static dev.same.cli.e2e.TestWorkspace.assertSuccess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code same run} on a standalone project: running, caching, restoring. */
class RunIT {
    @TempDir
    Path temp;
    TestWorkspace ws;

    /** A task that copies its input to its output and says so. */
    private static final String BUILD = """
            version: "1"
            tasks:
              build:
                cmd: ["sh", "-c", "mkdir -p out && cp in.txt out/result.txt && echo built from $(cat in.txt)"]
                input: ["in.txt"]
                target: ["out"]
            """;

    @BeforeEach
    void setUp() {
        ws = new TestWorkspace(temp);
    }

    private static void assertRan(SameProcess.Result result, String task) {
        assertSuccess(result);
        assertContainsLine(result.errLines(), "[" + task + "] Starting...", result);
        assertHasLineStartingWith(result.errLines(), "[" + task + "] ✓ Completed in ", result);
    }

    private static void assertCached(SameProcess.Result result, String task) {
        assertSuccess(result);
        assertHasLineStartingWith(result.errLines(), "[" + task + "] ~ Cached (skipped in ", result);
        assertFalse(result.stderr().contains("[" + task + "] ✓ Completed"), result::toString);
    }

    @Test
    void aHelloTaskRunsAndShowsItsOutput() {
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  hello:
                    cmd: ["echo", "hi"]
                """);

        SameProcess.Result result = ws.same("run", "hello");

        assertRan(result, "hello");
        assertEquals(List.of("[hello] hi"), result.outLines());
        assertEquals("Planning to build 1 task(s) for target(s): [hello]", result.errLines().getFirst());
        assertEquals("[hello] Starting...", result.errLines().get(1));
        assertTrue(result.errLines().getLast().matches("\\[hello] ✓ Completed in (\\d+ms|\\d+\\.\\ds)"),
                result::toString);
    }

    @Test
    void aSecondRunIsCachedAndPrintsNothingOfTheTask() {
        ws.write("same.yaml", BUILD).write("in.txt", "one\n");
        assertRan(ws.same("run", "build"), "build");

        SameProcess.Result second = ws.same("run", "build");

        assertCached(second, "build");
        assertEquals("", second.stdout(), "intact outputs: nothing restored, no log replayed");
    }

    @Test
    void aChangedInputRunsTheTaskAgain() {
        ws.write("same.yaml", BUILD).write("in.txt", "one\n");
        assertRan(ws.same("run", "build"), "build");
        ws.write("in.txt", "two\n");

        SameProcess.Result result = ws.same("run", "build");

        assertRan(result, "build");
        assertEquals(List.of("[build] built from two"), result.outLines());
        assertEquals("two\n", ws.read("out/result.txt"));
    }

    @Test
    void anInputTouchedOrRewrittenWithTheSameContentStaysCached() {
        ws.write("same.yaml", BUILD).write("in.txt", "one\n");
        assertRan(ws.same("run", "build"), "build");

        ws.setModified("in.txt", FileTime.from(Instant.now().plusSeconds(3600)));
        assertCached(ws.same("run", "build"), "build");

        ws.write("in.txt", "one\n"); // rewritten: new mtime and ctime, same bytes
        assertCached(ws.same("run", "build"), "build");
    }

    @Test
    void deletedOutputsAreRestoredFromTheCacheAndTheLogReplayed() {
        ws.write("same.yaml", BUILD).write("in.txt", "one\n");
        assertRan(ws.same("run", "build"), "build");
        ws.delete("out");

        SameProcess.Result result = ws.same("run", "build");

        assertCached(result, "build");
        assertEquals("one\n", ws.read("out/result.txt"));
        assertEquals(List.of("[build] built from one"), result.outLines(), "the log of the cached run is replayed");
    }

    @Test
    void aTamperedLogBlobIsAMissAndTheTaskRunsAgain() throws IOException {
        ws.write("same.yaml", BUILD).write("in.txt", "one\n");
        assertRan(ws.same("run", "build"), "build");
        Path blob = blobHolding("built from one\n");
        Files.writeString(blob, "forged output\n");
        ws.delete("out");

        SameProcess.Result result = ws.same("run", "build");

        assertRan(result, "build");
        assertEquals(List.of("[build] built from one"), result.outLines(), "the real output, not the forged one");
        assertEquals("one\n", ws.read("out/result.txt"));
        assertEquals("built from one\n", Files.readString(blob), "the bad blob was replaced by the run's log");
    }

    @Test
    void aRestoreThroughALinkToOutsideTheWorkspaceFailsTheTaskSayingWhatToDo() throws IOException {
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  build:
                    cmd: ["sh", "-c", "mkdir -p out/dist && cp in.txt out/dist/result.txt"]
                    input: ["in.txt"]
                    target: ["out/dist"]
                """).write("in.txt", "one\n");
        assertSuccess(ws.same("run", "build"));
        ws.delete("out");
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.createSymbolicLink(ws.path("out"), elsewhere);

        SameProcess.Result result = ws.same("run", "build");

        assertEquals(1, result.exitCode(), result::toString);
        assertNoStackTrace(result);
        assertTrue(result.stderr().contains("cannot restore the cached outputs: out is a symbolic link to "
                + elsewhere.toRealPath() + ", outside the workspace; remove the link, or run with --no-cache to "
                + "run the task instead"), result::toString);
        try (Stream<Path> written = Files.list(elsewhere)) {
            assertEquals(List.of(), written.toList(), "nothing written outside the workspace");
        }
    }

    @Test
    void aChangedOutputIsRestoredAndIntactOutputsAreNotRewritten() {
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  build:
                    cmd: ["sh", "-c", "mkdir -p out && echo a > out/a.txt && echo b > out/b.txt && echo wrote"]
                    input: ["same.yaml"]
                    target: ["out"]
                """);
        assertRan(ws.same("run", "build"), "build");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        ws.setModified("out/a.txt", old);
        ws.setModified("out/b.txt", old);

        assertCached(ws.same("run", "build"), "build");
        assertEquals(old, ws.modified("out/a.txt"), "an intact output is not written");

        ws.write("out/b.txt", "tampered\n");
        SameProcess.Result restored = ws.same("run", "build");

        assertCached(restored, "build");
        assertEquals("b\n", ws.read("out/b.txt"));
        assertEquals("a\n", ws.read("out/a.txt"));
        assertEquals(old, ws.modified("out/a.txt"), "only the changed output is written");
        assertEquals(List.of("[build] wrote"), restored.outLines());
    }

    @Test
    void switchingAnInputBackToAnEarlierContentIsACacheHit() {
        ws.write("same.yaml", BUILD).write("in.txt", "one\n");
        assertRan(ws.same("run", "build"), "build");
        ws.write("in.txt", "two\n");
        assertRan(ws.same("run", "build"), "build");
        ws.write("in.txt", "one\n");

        SameProcess.Result result = ws.same("run", "build");

        assertCached(result, "build");
        assertEquals("one\n", ws.read("out/result.txt"), "the outputs of that earlier run are restored");
        assertEquals(List.of("[build] built from one"), result.outLines());
    }

    @Test
    void noCacheAndRebuildAlwaysRunAgain() {
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  cached:
                    cmd: ["echo", "cached ran"]
                  always:
                    cmd: ["echo", "always ran"]
                    rebuild: always
                """);
        assertRan(ws.same("run", "all"), "cached");

        SameProcess.Result noCache = ws.same("run", "--no-cache", "cached");
        assertRan(noCache, "cached");
        assertEquals(List.of("[cached] cached ran"), noCache.outLines());

        SameProcess.Result again = ws.same("run", "all");
        assertCached(again, "cached");
        assertRan(again, "always");
        assertEquals(List.of("[always] always ran"), again.outLines());
    }

    @Test
    void aMissingInputFailsTheTask() {
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  build:
                    cmd: ["echo", "never"]
                    input: ["missing.txt"]
                """);

        SameProcess.Result result = ws.same("run", "build");

        assertEquals(1, result.exitCode(), result::toString);
        TestWorkspace.assertNoStackTrace(result);
        assertHasLineStartingWith(result.errLines(), "[build] ✗ Failed after ", result);
        assertTrue(result.stderr().contains(": input not found: missing.txt"), result::toString);
        assertEquals("", result.stdout());
    }

    @Test
    void fileNamesWithSpacesAndNonAsciiCharactersAreInputsAndOutputs() {
        TestWorkspace spaced = new TestWorkspace(temp, "work space ü");
        spaced.write("same.yaml", """
                version: "1"
                tasks:
                  copy:
                    cmd: ["sh", "-c", "mkdir -p 'out dir' && cp 'my file ünïcödé.txt' 'out dir/résumé 日本.txt' && echo copied"]
                    input: ["my file ünïcödé.txt"]
                    target: ["out dir"]
                """).write("my file ünïcödé.txt", "grüße\n");

        assertRan(spaced.same("run", "copy"), "copy");
        assertEquals("grüße\n", spaced.read("out dir/résumé 日本.txt"));

        spaced.delete("out dir");
        SameProcess.Result restored = spaced.same("run", "copy");
        assertCached(restored, "copy");
        assertEquals("grüße\n", spaced.read("out dir/résumé 日本.txt"));

        spaced.write("my file ünïcödé.txt", "ciao\n");
        assertRan(spaced.same("run", "copy"), "copy");
        assertEquals("ciao\n", spaced.read("out dir/résumé 日本.txt"));
    }

    @Test
    void twoHundredThousandLinesArriveIntactAndInOrder() {
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  many:
                    cmd: ["seq", "1", "200000"]
                """);

        SameProcess.Result result = ws.same("run", "many");

        assertRan(result, "many");
        List<String> lines = result.outLines();
        assertEquals(200_000, lines.size());
        assertEquals("[many] 1", lines.getFirst());
        assertEquals("[many] 200000", lines.getLast());
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("[many] " + (i + 1))) {
                throw new AssertionError("line " + (i + 1) + " is '" + lines.get(i) + "'");
            }
        }
    }

    private Path blobHolding(String content) throws IOException {
        try (Stream<Path> files = Files.walk(ws.path(".same/cache/cas"))) {
            return files.filter(Files::isRegularFile).filter(file -> content.equals(read(file))).findFirst()
                    .orElseThrow(() -> new AssertionError("no blob holds " + content));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null;
        }
    }
}
