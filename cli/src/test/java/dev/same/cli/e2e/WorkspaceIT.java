package dev.same.cli.e2e;

import static dev.same.cli.e2e.TestWorkspace.assertContainsLine;
import static dev.same.cli.e2e.TestWorkspace.assertHasLineStartingWith;
import static dev.same.cli.e2e.TestWorkspace.assertSuccess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dependencies, workspaces of several projects, and failures. */
class WorkspaceIT {
    @TempDir
    Path temp;
    TestWorkspace ws;

    @BeforeEach
    void setUp() {
        ws = new TestWorkspace(temp);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in " + lines);
    }

    private static List<String> ran(SameProcess.Result result) {
        return result.errLines().stream().filter(l -> l.contains("] ✓ Completed in ") || l.contains("] ✗ Failed after "))
                .map(l -> l.substring(1, l.indexOf(']'))).sorted().toList();
    }

    private static List<String> cached(SameProcess.Result result) {
        return result.errLines().stream().filter(l -> l.contains("] ~ Cached"))
                .map(l -> l.substring(1, l.indexOf(']'))).sorted().toList();
    }

    @Test
    void aDependencyChainRunsInOrderAndAnUpstreamChangeRerunsDownstream() {
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  package:
                    cmd: ["sh", "-c", "cat build/compiled.txt > build/package.txt && echo packaged"]
                    input: ["build/compiled.txt"]
                    target: ["build/package.txt"]
                    dependsOn: ["compile"]
                  compile:
                    cmd: ["sh", "-c", "cat gen/generated.txt src.txt > build/compiled.txt && echo compiled"]
                    input: ["gen/generated.txt", "src.txt"]
                    target: ["build/compiled.txt"]
                    dependsOn: ["generate"]
                  generate:
                    cmd: ["sh", "-c", "mkdir -p gen build && cat schema.txt > gen/generated.txt && echo generated"]
                    input: ["schema.txt"]
                    target: ["gen"]
                """).write("schema.txt", "schema v1\n").write("src.txt", "source v1\n");

        SameProcess.Result first = assertSuccess(ws.same("run", "package"));

        assertEquals(List.of("[generate] generated", "[compile] compiled", "[package] packaged"), first.outLines());
        List<String> err = first.errLines();
        assertTrue(indexOf(err, "[generate] ✓ Completed") < indexOf(err, "[compile] Starting..."), first::toString);
        assertTrue(indexOf(err, "[compile] ✓ Completed") < indexOf(err, "[package] Starting..."), first::toString);
        assertEquals("schema v1\nsource v1\n", ws.read("build/package.txt"));

        ws.write("src.txt", "source v2\n");
        SameProcess.Result middle = assertSuccess(ws.same("run", "package"));
        assertEquals(List.of("generate"), cached(middle));
        assertEquals(List.of("compile", "package"), ran(middle));

        ws.write("schema.txt", "schema v2\n");
        SameProcess.Result top = assertSuccess(ws.same("run", "package"));
        assertEquals(List.of("compile", "generate", "package"), ran(top));
        assertEquals("schema v2\nsource v2\n", ws.read("build/package.txt"));

        assertEquals(List.of("compile", "generate", "package"), cached(assertSuccess(ws.same("run", "package"))));
    }

    /** packages/{lib,app,tool}: app:build needs lib:build; every project has a build. */
    private void packagesWorkspace() {
        ws.write("same.work.yaml", """
                version: "1"
                projects: ["packages/*"]
                """).write("packages/lib/same.yaml", """
                version: "1"
                project: lib
                tasks:
                  build:
                    cmd: ["sh", "-c", "mkdir -p dist && cat src/lib.txt > dist/lib.txt && echo lib built"]
                    input: ["src"]
                    target: ["dist"]
                """).write("packages/lib/src/lib.txt", "lib v1\n").write("packages/app/same.yaml", """
                version: "1"
                project: app
                tasks:
                  build:
                    cmd: ["sh", "-c", "echo app uses $(cat ../lib/dist/lib.txt)"]
                    input: ["src", "../lib/dist"]
                    dependsOn: ["lib:build"]
                  test:
                    cmd: ["echo", "app tested"]
                    dependsOn: ["build"]
                """).write("packages/app/src/deep/main.txt", "main\n").write("packages/tool/same.yaml", """
                version: "1"
                project: tool
                tasks:
                  build:
                    cmd: ["echo", "tool built"]
                """);
    }

    @Test
    void aBareTaskNameInAProjectsSubdirectoryMeansThatProjectsTask() {
        packagesWorkspace();

        SameProcess.Result result = assertSuccess(ws.sameIn("packages/app/src/deep", "run", "build"));

        assertEquals(List.of("[lib:build] lib built", "[app:build] app uses lib v1"), result.outLines());
        assertEquals(List.of("app:build", "lib:build"), ran(result));
        assertEquals("lib v1\n", ws.read("packages/lib/dist/lib.txt"));
    }

    @Test
    void crossProjectDependenciesAndBareNamesFromTheRoot() {
        packagesWorkspace();
        assertSuccess(ws.sameIn("packages/app", "run", "test"));

        SameProcess.Result fromRoot = assertSuccess(ws.same("run", "build"));
        assertEquals(List.of("tool:build"), ran(fromRoot), "outside every project: that task in every project");
        assertEquals(List.of("app:build", "lib:build"), cached(fromRoot));

        ws.write("packages/lib/src/lib.txt", "lib v2\n");
        SameProcess.Result changed = assertSuccess(ws.sameIn("packages/tool", "run", "app:test"));
        assertEquals(List.of("app:build", "app:test", "lib:build"), ran(changed));
        assertContainsLine(changed.outLines(), "[app:build] app uses lib v2", changed);
    }

    @Test
    void aFailingTaskSkipsItsDependentsWhileUnrelatedTasksComplete() {
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  broken:
                    cmd: ["sh", "-c", "echo about to fail; exit 3"]
                  deploy:
                    cmd: ["echo", "deployed"]
                    dependsOn: ["broken"]
                  notify:
                    cmd: ["echo", "notified"]
                    dependsOn: ["deploy"]
                  unrelated:
                    cmd: ["echo", "unrelated done"]
                """);

        // one at a time: 'unrelated' only starts after 'broken' has failed
        SameProcess.Result result = ws.same("run", "--parallel", "1", "all");

        assertEquals(1, result.exitCode(), result::toString);
        TestWorkspace.assertNoStackTrace(result);
        assertHasLineStartingWith(result.errLines(), "[broken] ✗ Failed after ", result);
        assertTrue(result.errLines().stream().anyMatch(l -> l.startsWith("[broken] ✗ Failed after ")
                && l.endsWith(": exit status 3")), result::toString);
        assertContainsLine(result.errLines(), "[deploy] - Skipped: dependency 'broken' did not succeed", result);
        assertContainsLine(result.errLines(), "[notify] - Skipped: dependency 'broken' did not succeed", result);
        assertHasLineStartingWith(result.errLines(), "[unrelated] ✓ Completed in ", result);
        assertTrue(indexOf(result.errLines(), "[broken] ✗ Failed") < indexOf(result.errLines(), "[unrelated] Starting"));
        assertEquals(List.of("[broken] about to fail", "[unrelated] unrelated done"), result.outLines());
        assertFalse(result.stdout().contains("deployed"));

        SameProcess.Result again = ws.same("run", "all");
        assertEquals(1, again.exitCode(), again::toString);
        assertEquals(List.of("broken"), ran(again), "a failure is not cached");
        assertEquals(List.of("unrelated"), cached(again));
    }
}
