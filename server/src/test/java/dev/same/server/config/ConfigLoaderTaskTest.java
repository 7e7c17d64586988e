package dev.same.server.config;

import dev.same.server.SameException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Task rules, mostly in a standalone {@code same.yaml}. */
class ConfigLoaderTaskTest {
    @TempDir
    Path temp;
    TempWorkspace ws;
    Path root;

    @BeforeEach
    void setUp() throws IOException {
        ws = new TempWorkspace(temp);
        root = temp.toRealPath();
    }

    @Test
    void readsAFullTaskDefinition() {
        ws.file("same.yaml", """
                version: "1"
                tools: { node: nodejs@22 }
                tasks:
                  lint:
                    cmd: [eslint, .]
                  build:
                    cmd: ["npm", "run", "build"]
                    input: ["src", "package.json"]
                    target: ["dist"]
                    dependsOn: ["lint"]
                    tools: ["node"]
                    environment: { NODE_ENV: production, A_FIRST: "1" }
                    workingDir: "."
                    rebuild: always
                """);

        Workspace workspace = ws.load();

        assertTrue(workspace.standalone());
        assertEquals(root, workspace.root());
        assertEquals(List.of("build", "lint"), List.copyOf(workspace.tasks().keySet()));
        assertEquals(List.of(root.resolve("same.yaml")), workspace.configFiles());
        assertEquals(new Project("", "", root.resolve("same.yaml"), new java.util.TreeMap<>(Map.of("node", "nodejs@22"))),
                workspace.projects().get(""));
        TaskDef build = workspace.tasks().get("build");
        assertEquals(new TaskDef("build", "", "build",
                List.of("npm", "run", "build"),
                List.of("package.json", "src"),
                List.of("dist"),
                List.of("lint"),
                List.of("node"),
                new java.util.TreeMap<>(Map.of("A_FIRST", "1", "NODE_ENV", "production")),
                "",
                Rebuild.ALWAYS,
                new SourceLocation(root.resolve("same.yaml"), 6)), build);
        assertEquals(List.of("A_FIRST", "NODE_ENV"), List.copyOf(build.environment().keySet()));
        assertEquals(Rebuild.ON_CHANGE, workspace.tasks().get("lint").rebuild());
    }

    @Test
    void aStandaloneProjectNameIsOptionalAndNotPartOfIds() {
        ws.file("same.yaml", "project: web\ntasks:\n  build:\n    cmd: [make]\n");

        Workspace workspace = ws.load();

        assertEquals(List.of(""), List.copyOf(workspace.projects().keySet()));
        assertEquals("", workspace.tasks().get("build").project());
    }

    @Test
    void aPlainStringCmdIsOneArgument() {
        ws.file("same.yaml", "tasks:\n  build:\n    cmd: make\n");

        assertEquals(List.of("make"), ws.load().tasks().get("build").cmd());
    }

    @Test
    void scalarsKeepTheirSourceText() {
        ws.file("same.yaml", """
                tasks:
                  wait:
                    cmd: [sleep, 1.10]
                    environment:
                      VERSION: 1.10
                      MODE: 022
                      DEBUG: true
                      ANSWER: yes
                      EMPTY:
                """);

        TaskDef wait = ws.load().tasks().get("wait");

        assertEquals(List.of("sleep", "1.10"), wait.cmd());
        assertEquals(Map.of("VERSION", "1.10", "MODE", "022", "DEBUG", "true", "ANSWER", "yes", "EMPTY", ""),
                wait.environment());
    }

    @Test
    void dependenciesAreSortedAndDeduplicatedAsWritten() {
        ws.file("same.yaml", """
                tasks:
                  a: { cmd: [a] }
                  b: { cmd: [b] }
                  c: { cmd: [c], dependsOn: [b, a, b] }
                """);

        assertEquals(List.of("a", "b"), ws.load().tasks().get("c").dependsOn());
    }

    @Test
    void aStandaloneDependencyWithAColonIsTakenAsIs() {
        ws.file("same.yaml", "tasks:\n  build:\n    cmd: [make]\n    dependsOn: [\"lib:build\"]\n");

        SameException e = ws.loadFails();

        assertEquals("missing dependency: task 'build' depends on 'lib:build', which does not exist", e.getMessage());
        assertEquals("at same.yaml:4", e.context().getFirst());
    }

    @Test
    void allIsAReservedTaskName() {
        ws.file("same.yaml", "tasks:\n  all:\n    cmd: [make]\n");

        SameException e = ws.loadFails();

        assertEquals("task name 'all' is reserved", e.getMessage());
        assertEquals("at same.yaml:2", e.context().getFirst());
    }

    @Test
    void aTaskNameMayNotContainAColon() {
        ws.file("same.yaml", "tasks:\n  \"web:build\":\n    cmd: [make]\n");

        SameException e = ws.loadFails();

        assertEquals("invalid task name 'web:build': ':' is not allowed in a task name", e.getMessage());
        assertEquals("at same.yaml:2", e.context().getFirst());
    }

    @ParameterizedTest
    @ValueSource(strings = {"  build:\n", "  build: {}\n", "  build:\n    cmd: []\n", "  build:\n    cmd:\n",
            "  build:\n    input: [src]\n", "  build:\n    cmd: \"\"\n"})
    void aTaskWithoutCmdIsEmpty(String task) {
        ws.file("same.yaml", "tasks:\n" + task);

        SameException e = ws.loadFails();

        assertEquals("task definition is empty: task 'build' has no cmd", e.getMessage());
        assertEquals("at same.yaml:2", e.context().getFirst());
    }

    @Test
    void aTaskWithDependenciesAndNoCmdIsAGroup() {
        ws.file("same.yaml", "tasks:\n  a:\n    cmd: [make]\n  group:\n    dependsOn: [a]\n");

        assertEquals(List.of(), ws.load().tasks().get("group").cmd());
    }

    @Test
    void anInvalidInputPatternIsASyntaxErrorAtItsLine() {
        ws.file("same.yaml", "tasks:\n  build:\n    cmd: [make]\n    input:\n      - src\n      - \"src/[a-\"\n");

        SameException e = ws.loadFails();

        assertEquals("syntax error in pattern 'src/[a-' in task 'build': '[' without a closing ']'", e.getMessage());
        assertEquals("at same.yaml:6", e.context().getFirst());
    }

    @Test
    void anAbsoluteWorkingDirOutsideTheRootIsKeptAsWritten() {
        ws.file("same.yaml", "tasks:\n  build:\n    cmd: [make]\n    workingDir: /tmp/../var\n");

        assertEquals("/var", ws.load().tasks().get("build").workingDir());
    }

    @Test
    void anUnknownTaskKeyIsAnError() {
        ws.file("same.yaml", """
                tasks:
                  build:
                    cmd: [make]
                    inputs: [src]
                """);

        SameException e = ws.loadFails();

        assertEquals("unknown key 'inputs' in task 'build'", e.getMessage());
        assertEquals(List.of("at same.yaml:4", "did you mean 'input'?",
                "known keys: cmd, input, target, dependsOn, tools, environment, env, workingDir, rebuild, cache, remote, "
                        + "portable"), e.context());
    }

    @Test
    void anUnknownKeyIsReportedBeforeAMissingCmd() {
        ws.file("same.yaml", "tasks:\n  build:\n    command: [make]\n");

        SameException e = ws.loadFails();

        assertEquals("unknown key 'command' in task 'build'", e.getMessage());
    }

    @Test
    void rejectsAnUnknownRebuildStrategy() {
        ws.file("same.yaml", "tasks:\n  build:\n    cmd: [make]\n    rebuild: sometimes\n");

        SameException e = ws.loadFails();

        assertEquals("invalid rebuild strategy, expected 'always' or 'on-change': got 'sometimes' in task 'build'",
                e.getMessage());
        assertEquals(List.of("at same.yaml:4"), e.context());
    }

    @Test
    void aTargetMustBeAPlainPathInsideTheRoot() {
        ws.file("same.yaml", "tasks:\n  build:\n    cmd: [make]\n    target: [\"dist/*.js\"]\n");
        SameException glob = ws.loadFails();
        assertEquals("target must be a path, not a glob: 'dist/*.js' in task 'build'", glob.getMessage());
        assertEquals("at same.yaml:4", glob.context().getFirst());

        ws.file("same.yaml", "tasks:\n  build:\n    cmd: [make]\n    target: [\"!dist\"]\n");
        assertEquals("target must be a path, not an exclusion: '!dist' in task 'build'", ws.loadFails().getMessage());

        ws.file("same.yaml", "tasks:\n  build:\n    cmd: [make]\n    target: [\".\"]\n");
        assertEquals("target must not be the workspace root: '.' in task 'build'", ws.loadFails().getMessage());

        ws.file("same.yaml", "tasks:\n  build:\n    cmd: [make]\n    target: [\"../out\"]\n");
        assertEquals("output path is outside project root: '../out' in task 'build' (at same.yaml:4)",
                ws.load().tasks().get("build").problem());
    }

    @Test
    void rootInputsAndAbsolutePaths() {
        ws.file("same.yaml", """
                tasks:
                  build:
                    cmd: [make]
                    input: [., "**/*.go", "!vendor", ROOT/go.mod]
                    target: [ROOT/bin/app]
                """.replace("ROOT", root.toString()));

        TaskDef build = ws.load().tasks().get("build");

        assertEquals(List.of("!vendor", "**/*.go", ".", "go.mod"), build.inputs());
        assertEquals(List.of("bin/app"), build.targets());
    }

    @Test
    void anAbsoluteInputOutsideTheRootIsRejected() {
        ws.file("same.yaml", "tasks:\n  build:\n    cmd: [make]\n    input: [/etc/passwd]\n");

        assertEquals("input path is outside project root: '/etc/passwd' in task 'build'", ws.loadFails().getMessage());
    }

    @Test
    void aToolMustBeDeclared() {
        ws.file("same.yaml", "tasks:\n  build:\n    cmd: [make]\n    tools: [go]\n");

        SameException e = ws.loadFails();

        assertEquals("tool not found: task 'build' uses tool 'go', which is not declared in tools", e.getMessage());
        assertEquals(List.of("at same.yaml:4", "no tools are declared; add them under 'tools:' in same.yaml"),
                e.context());
    }

    @Test
    void rejectsValuesOfTheWrongType() {
        assertWrongType("tasks:\n  build:\n    cmd: {a: 1}\n",
                "same.yaml:3: 'cmd' in task 'build' must be a list of strings, not a map");
        assertWrongType("tasks:\n  build:\n    cmd: [make, [x]]\n",
                "same.yaml:3: 'cmd' in task 'build' must be a list of strings, not a list");
        assertWrongType("tasks:\n  build:\n    cmd: [make]\n    input: 3\n",
                "same.yaml:4: 'input' in task 'build' must be a list of strings, not a single value");
        assertWrongType("tasks:\n  build:\n    cmd: [make]\n    target:\n      a: b\n",
                "same.yaml:5: 'target' in task 'build' must be a list of strings, not a map");
        assertWrongType("tasks:\n  build:\n    cmd: [make]\n    environment: [A=1]\n",
                "same.yaml:4: 'environment' in task 'build' must be a map of strings, not a list");
        assertWrongType("tasks:\n  build:\n    cmd: [make]\n    environment:\n      A: [1]\n",
                "same.yaml:5: 'environment' in task 'build' must be a map of strings, not a list");
        assertWrongType("tasks:\n  build:\n    cmd: [make]\n    workingDir: [a]\n",
                "same.yaml:4: 'workingDir' in task 'build' must be a string, not a list");
        assertWrongType("tasks:\n  build: make\n",
                "same.yaml:2: task 'build' must be a map of settings "
                        + "(cmd, input, target, dependsOn, tools, environment, env, workingDir, rebuild, cache, "
                        + "remote, portable), not a single value");
        assertWrongType("tasks: [build]\n", "same.yaml:1: 'tasks' must be a map of task names to definitions, not a list");
        assertWrongType("tools: [go]\n", "same.yaml:1: 'tools' must be a map of strings, not a list");
        assertWrongType("project: [web]\n", "same.yaml:1: 'project' must be a string, not a list");
    }

    private void assertWrongType(String yaml, String message) {
        ws.file("same.yaml", yaml);
        assertEquals(message, ws.loadFails().getMessage(), yaml);
    }

    @Test
    void acceptsVersionOneOrNone() {
        ws.file("same.yaml", "version: 1\n");
        assertEquals(Map.of(), ws.load().tasks());

        ws.file("same.yaml", "version: \"1\"\n");
        assertEquals(Map.of(), ws.load().tasks());

        ws.file("same.yaml", "tasks: {}\n");
        assertEquals(Map.of(), ws.load().tasks());
    }

    @Test
    void rejectsOtherVersions() {
        ws.file("same.yaml", "tasks: {}\nversion: \"2\"\n");

        SameException e = ws.loadFails();

        assertEquals("unsupported config version '2' in same.yaml, expected \"1\"", e.getMessage());
        assertEquals(List.of("at same.yaml:2"), e.context());
    }

    @Test
    void rejectsOtherWorkfileVersions() {
        ws.file("same.work.yaml", "version: 1.0\n");

        assertEquals("unsupported config version '1.0' in same.work.yaml, expected \"1\"", ws.loadFails().getMessage());
    }

    @Test
    void reportsAMissingConfiguration() {
        SameException e = ws.loadFails();

        assertEquals("could not find samefile or workfile", e.getMessage());
        assertEquals(List.of("neither same.work.yaml nor same.yaml is in " + root), e.context());
    }
}
