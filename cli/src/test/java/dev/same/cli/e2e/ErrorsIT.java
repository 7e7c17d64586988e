package dev.same.cli.e2e;

import static dev.same.cli.e2e.TestWorkspace.assertContainsLine;
import static dev.same.cli.e2e.TestWorkspace.assertError;
import static dev.same.cli.e2e.TestWorkspace.assertErrorStartingWith;
import static dev.same.cli.e2e.TestWorkspace.assertSuccess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes a user makes get one clear message on stderr, exit 1, and never a stack trace. */
class ErrorsIT {
    @TempDir
    Path temp;
    TestWorkspace ws;

    @BeforeEach
    void setUp() {
        ws = new TestWorkspace(temp);
    }

    @Test
    void aCycleIsNamed() {
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  a:
                    cmd: ["echo", "a"]
                    dependsOn: ["b"]
                  b:
                    cmd: ["echo", "b"]
                    dependsOn: ["a"]
                """);

        SameProcess.Result result = assertError(ws.same("run", "a"),
                "failed to load configuration: cycle detected: a -> b -> a");

        assertEquals("", result.stdout());
        assertContainsLine(result.errLines(), "  a at same.yaml:3", result);
        assertContainsLine(result.errLines(), "  b at same.yaml:6", result);
    }

    @Test
    void aCycleAcrossProjectsNamesEachFile() {
        ws.write("same.work.yaml", "version: \"1\"\nprojects: [\"packages/*\"]\n")
                .write("packages/web/same.yaml", "project: web\ntasks:\n  build:\n    cmd: [echo]\n"
                        + "    dependsOn: [\"lib:build\"]\n")
                .write("packages/lib/same.yaml", "project: lib\ntasks:\n  build:\n    cmd: [echo]\n"
                        + "    dependsOn: [\"web:build\"]\n");

        SameProcess.Result result = assertError(ws.same("graph"),
                "failed to load configuration: cycle detected: lib:build -> web:build -> lib:build");

        assertContainsLine(result.errLines(), "  lib:build at packages/lib/same.yaml:3", result);
        assertContainsLine(result.errLines(), "  web:build at packages/web/same.yaml:3", result);
    }

    @Test
    void aMissingDependencySaysWhereAndSuggests() {
        ws.write("same.yaml", "tasks:\n  test:\n    cmd: [echo]\n    dependsOn: [biuld]\n  build:\n    cmd: [echo]\n");

        SameProcess.Result result = assertError(ws.same("run", "test"),
                "failed to load configuration: missing dependency: task 'test' depends on 'biuld', which does not "
                        + "exist");

        assertEquals(List.of("  at same.yaml:4", "  did you mean 'build'?"), result.errLines().subList(1, 3));
    }

    @Test
    void anUnknownTaskSuggestsTheClosestOne() {
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  build:
                    cmd: ["echo", "built"]
                """);

        SameProcess.Result result = assertError(ws.same("run", "biuld"), "task not found: biuld");

        assertContainsLine(result.errLines(), "  did you mean build?", result);
    }

    @Test
    void noConfigurationAnywhere() {
        ws.mkdirs("empty/sub");

        SameProcess.Result result = assertError(ws.sameIn("empty/sub", "run", "build"),
                "could not find samefile or workfile");

        assertContainsLine(result.errLines(), "  searched from " + ws.path("empty/sub") + " up to /", result);
    }

    @Test
    void brokenYamlNamesTheFileAndLine() {
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  build:
                    cmd: ["echo", "unclosed"
                    input: ["src"]
                """);

        assertErrorStartingWith(ws.same("run", "build"), "failed to parse config file: invalid YAML in same.yaml at line 5, column ");
    }

    @Test
    void brokenYamlInAProjectOfAWorkspaceNamesThatFile() {
        ws.write("same.work.yaml", "version: \"1\"\nprojects: [\"packages/*\"]\n")
                .write("packages/web/same.yaml", "project: web\ntasks:\n  build:\n    cmd: [echo\n  test: {\n");

        assertErrorStartingWith(ws.same("run", "all"), "failed to parse project config: invalid YAML in packages/web/same.yaml at line ");
    }

    @Test
    void aTargetOutsideTheRootFailsItsTask() {
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  build:
                    cmd: ["echo", "escaping"]
                    target: ["../elsewhere"]
                """);

        SameProcess.Result result = ws.same("run", "build");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.errLines().stream().anyMatch(line -> line.startsWith("[build] ✗ Failed after ")
                && line.endsWith(": output path is outside project root: '../elsewhere' in task 'build' (at same.yaml:5)")),
                result::toString);
        assertFalse(result.stdout().contains("escaping"));
    }

    @Test
    void anUnknownTaskKeySuggestsTheRightOne() {
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  build:
                    cmd: ["echo", "x"]
                    inputs: ["src"]
                """);

        SameProcess.Result result = assertError(ws.same("run", "build"),
                "failed to load configuration: unknown key 'inputs' in task 'build'");

        assertContainsLine(result.errLines(), "  at same.yaml:5", result);
        assertContainsLine(result.errLines(), "  did you mean 'input'?", result);
    }

    @Test
    void aBadFlagIsAnErrorWithUsageHint() {
        ws.write("same.yaml", "tasks:\n  build:\n    cmd: [echo]\n");

        SameProcess.Result result = assertError(ws.same("run", "--no-such-flag", "build"),
                "Unknown option: '--no-such-flag'");

        assertContainsLine(result.errLines(), "  run 'same run --help' for usage", result);
        assertError(ws.same("run", "--parallel", "many", "build"),
                "Invalid value for option '--parallel': 'many' is not an int");
        assertError(ws.same("frobnicate"), "Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void runWithoutATargetPrintsItsHelp() {
        SameProcess.Result result = assertSuccess(ws.same("run"));

        assertTrue(result.stdout().startsWith("Usage: same run "), result::toString);
        assertTrue(result.stdout().contains("--no-cache"), result::toString);
        assertEquals("", result.stderr());
    }

    @Test
    void versionNamesTheVersionProtocolAndJava() {
        SameProcess.Result result = assertSuccess(ws.same("--version"));

        assertTrue(result.stdout().strip().matches("same version \\S+ \\(commit: \\S+, date: "
                + "\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z\\)\nprotocol \\d+, Java 25\\S*"), result::toString);
        assertEquals(result.stdout(), assertSuccess(ws.same("version")).stdout());
    }
}
