package dev.same.server.config;

import dev.same.server.SameException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderWorkspaceTest {
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
    void loadsProjectsMatchedByAGlob() {
        ws.file("same.work.yaml", """
                version: "1"
                projects: ["packages/*"]
                """);
        ws.project("packages/web", "web").project("packages/lib", "lib");

        Workspace workspace = ws.load();

        assertEquals(root, workspace.root());
        assertFalse(workspace.standalone());
        assertEquals(List.of("lib", "web"), List.copyOf(workspace.projects().keySet()));
        assertEquals(new Project("web", "packages/web", root.resolve("packages/web/same.yaml"), new java.util.TreeMap<>()),
                workspace.projects().get("web"));
        assertEquals(List.of("lib:build", "web:build"), List.copyOf(workspace.tasks().keySet()));
        assertEquals(List.of(root.resolve("same.work.yaml"), root.resolve("packages/lib/same.yaml"),
                root.resolve("packages/web/same.yaml")), workspace.configFiles());
        assertEquals(List.of(), workspace.warnings());
    }

    @Test
    void aStarMatchesWithinOneSegmentOnly() {
        ws.file("same.work.yaml", "projects: [\"*\", \"tools/cli\"]\n");
        ws.project("app", "app").project("tools/cli", "cli").project("nested/deep", "deep");
        ws.file("README.md", "not a directory");
        ws.project(".hidden", "hidden");

        Workspace workspace = ws.load();

        assertEquals(List.of("app", "cli"), List.copyOf(workspace.projects().keySet()));
        assertEquals(List.of("same.yaml missing in project nested, skipping",
                "same.yaml missing in project tools, skipping"), workspace.warnings());
    }

    @Test
    void aDirectoryMatchedTwiceIsLoadedOnce() {
        ws.file("same.work.yaml", "projects: [\"packages/*\", \"packages/web\", \"./packages/web/\"]\n");
        ws.project("packages/web", "web");

        assertEquals(List.of("web"), List.copyOf(ws.load().projects().keySet()));
    }

    @Test
    void theRootItselfCanBeAProject() {
        ws.file("same.work.yaml", "projects: [\".\"]\n");
        ws.file("same.yaml", """
                project: top
                tasks:
                  build:
                    cmd: [make]
                    input: [src]
                """);

        Workspace workspace = ws.load();

        assertEquals("", workspace.projects().get("top").relativeDir());
        assertEquals(List.of("src"), workspace.tasks().get("top:build").inputs());
        assertEquals("", workspace.tasks().get("top:build").workingDir());
    }

    @Test
    void warnsAboutAMatchedDirectoryWithoutSamefileAndAPatternMatchingNothing() {
        ws.file("same.work.yaml", """
                projects:
                  - packages/*
                  - tools/missing
                """);
        ws.project("packages/web", "web").dir("packages/docs");

        Workspace workspace = ws.load();

        assertEquals(List.of(
                "same.work.yaml:3: no directory matches project pattern 'tools/missing'",
                "same.yaml missing in project packages/docs, skipping"), workspace.warnings());
    }

    @Test
    void rejectsAProjectPatternOutsideTheRoot() {
        ws.file("same.work.yaml", "projects:\n  - ../elsewhere\n");

        SameException e = ws.loadFails();

        assertEquals("project path is outside workspace root: '../elsewhere'", e.getMessage());
        assertEquals(List.of("at same.work.yaml:2"), e.context());
    }

    @Test
    void rootKeyMovesTheWorkspaceRoot() {
        ws.file("same.work.yaml", "root: code\nprojects: [\"*\"]\n");
        ws.file("code/web/same.yaml", """
                project: web
                tasks:
                  build:
                    cmd: [make]
                    input: [src]
                """);

        Workspace workspace = ws.load();

        assertEquals(root.resolve("code"), workspace.root());
        assertEquals("web", workspace.projects().get("web").relativeDir());
        assertEquals(List.of("web/src"), workspace.tasks().get("web:build").inputs());
    }

    @Test
    void rejectsARootThatIsNotADirectory() {
        ws.file("same.work.yaml", "version: \"1\"\nroot: nowhere\n");

        SameException e = ws.loadFails();

        assertEquals("workspace root 'nowhere' is not a directory", e.getMessage());
        assertEquals("at same.work.yaml:2", e.context().getFirst());
    }

    @Test
    void requiresAProjectNameInAWorkspace() {
        ws.file("same.work.yaml", "projects: [web]\n");
        ws.file("web/same.yaml", "tasks:\n  build:\n    cmd: [make]\n");

        SameException e = ws.loadFails();

        assertEquals("missing project name: web/same.yaml has no 'project' key", e.getMessage());
        assertEquals(List.of("at web/same.yaml", "every project in a workspace needs one, e.g. project: web"),
                e.context());
    }

    @Test
    void rejectsAnInvalidProjectName() {
        ws.file("same.work.yaml", "projects: [web]\n");
        ws.file("web/same.yaml", "version: \"1\"\nproject: my web\n");

        SameException e = ws.loadFails();

        assertEquals("invalid project name 'my web': project name can only contain alphanumeric characters, "
                + "hyphens and underscores", e.getMessage());
        assertEquals(List.of("at web/same.yaml:2"), e.context());
    }

    @Test
    void rejectsTwoProjectsWithOneName() {
        ws.file("same.work.yaml", "projects: [\"apps/*\"]\n");
        ws.project("apps/one", "app").project("apps/two", "app");

        SameException e = ws.loadFails();

        assertEquals("duplicate project name 'app': apps/one and apps/two", e.getMessage());
        assertEquals(List.of("at apps/one/same.yaml:1", "at apps/two/same.yaml:1",
                "project names must be unique in a workspace"), e.context());
    }

    /**
     * The projects' files are read in parallel; what is reported must be what reading them one after the other
     * reports: the first problem in the projects' order, and the warnings in that order. Seeded random workspaces of
     * 30 projects, each maybe broken in one of five ways, against the expectation worked out in order.
     */
    @Test
    void reportsTheFirstProblemInTheProjectsOrderThoughTheyAreReadInParallel() throws IOException {
        for (int seed = 0; seed < 40; seed++) {
            java.util.Random random = new java.util.Random(seed);
            Path dir = java.nio.file.Files.createTempDirectory(temp, "seed" + seed);
            var workspace = new TempWorkspace(dir);
            workspace.file("same.work.yaml", "projects: [\"packages/*\"]\n");
            String expected = null;
            List<String> expectedWarnings = new java.util.ArrayList<>();
            java.util.Set<String> names = new java.util.HashSet<>();
            for (int i = 0; i < 30; i++) {
                String project = "packages/p%02d".formatted(i);
                String name = "p%02d".formatted(i);
                // even seeds: any fault, so nearly always an error; odd ones: only those that warn
                int fault = seed % 2 == 0 ? random.nextInt(12) : 4 + random.nextInt(4);
                String problem = switch (fault) {
                    case 0 -> {
                        workspace.file(project + "/same.yaml", "project: " + name + "\ntasks: [unclosed\n");
                        yield "invalid YAML in " + project + "/same.yaml";
                    }
                    case 1 -> {
                        workspace.project(project, "bad name");
                        yield "invalid project name 'bad name'";
                    }
                    case 2 -> {
                        String taken = names.isEmpty() ? name : names.iterator().next();
                        workspace.project(project, taken);
                        yield names.isEmpty() ? null : "duplicate project name '" + taken + "'";
                    }
                    case 3 -> {
                        workspace.file(project + "/same.yaml", "project: " + name
                                + "\ntasks:\n  build:\n    cmd: [make]\n    input: [../../../etc]\n");
                        yield "input path is outside project root: '../../../etc' in task '" + name + ":build'";
                    }
                    case 4 -> {
                        workspace.dir(project);
                        expectedWarnings.add("same.yaml missing in project " + project + ", skipping");
                        yield null;
                    }
                    case 5 -> {
                        workspace.file(project + "/same.yaml", "project: " + name + "\nextra: 1\ntasks: {}\n");
                        expectedWarnings.add(project + "/same.yaml:2: unknown key 'extra' ignored; known keys: "
                                + "version, project, root, tools, env, tasks");
                        yield null;
                    }
                    default -> {
                        workspace.project(project, name);
                        yield null;
                    }
                };
                if (problem == null && fault != 4) {
                    names.add(name);
                }
                if (expected == null && problem != null) {
                    expected = problem;
                }
            }
            if (expected == null) {
                assertEquals(expectedWarnings, ConfigLoader.load(dir).warnings(), "seed " + seed);
            } else {
                SameException e = assertThrows(SameException.class, () -> ConfigLoader.load(dir), "seed " + seed);
                assertTrue(e.getMessage().contains(expected), "seed " + seed + ": " + e.getMessage()
                        + "\nexpected: " + expected);
            }
        }
    }

    @Test
    void warnsAboutRootInAProjectFileAndUnknownTopLevelKeys() {
        ws.file("same.work.yaml", "projects: [web]\nproject: oops\n");
        ws.file("web/same.yaml", """
                project: web
                root: ..
                task:
                  build:
                    cmd: [make]
                """);

        Workspace workspace = ws.load();

        assertEquals(List.of(
                "same.work.yaml:2: unknown key 'project' ignored (did you mean 'projects'?); "
                        + "known keys: version, root, tools, env, projects, cache",
                "web/same.yaml:3: unknown key 'task' ignored (did you mean 'tasks'?); "
                        + "known keys: version, project, root, tools, env, tasks",
                "'root' defined in web/same.yaml is ignored in workspace mode"), workspace.warnings());
    }

    @Test
    void projectToolsOverrideWorkspaceTools() {
        ws.file("same.work.yaml", """
                tools:
                  go: go@1.25.4
                  node: nodejs@20
                projects: [web]
                """);
        ws.file("web/same.yaml", """
                project: web
                tools: { node: nodejs@22, jq: jq@1.7 }
                tasks:
                  build:
                    cmd: [npm, run, build]
                    tools: [node, go, node]
                """);

        Workspace workspace = ws.load();

        assertEquals(Map.of("go", "go@1.25.4", "jq", "jq@1.7", "node", "nodejs@22"),
                workspace.projects().get("web").tools());
        assertEquals(List.of("go", "node"), workspace.tasks().get("web:build").tools());
    }

    @Test
    void rejectsAToolThatIsNotDeclared() {
        ws.file("same.work.yaml", "tools: { go: go@1.25.4 }\nprojects: [web]\n");
        ws.file("web/same.yaml", """
                project: web
                tasks:
                  build:
                    cmd: [make]
                    tools:
                      - go
                      - nod
                """);

        SameException e = ws.loadFails();

        assertEquals("tool not found: task 'web:build' uses tool 'nod', which is not declared in tools", e.getMessage());
        assertEquals(List.of("at web/same.yaml:7", "declared tools: go"), e.context());
    }

    @Test
    void prefixesDependenciesWithTheirProject() {
        ws.file("same.work.yaml", "projects: [\"packages/*\"]\n");
        ws.project("packages/lib", "lib");
        ws.file("packages/web/same.yaml", """
                project: web
                tasks:
                  lint:
                    cmd: [eslint]
                  build:
                    cmd: [make]
                    dependsOn: [lint, "lib:build", lint]
                """);

        assertEquals(List.of("lib:build", "web:lint"), ws.load().tasks().get("web:build").dependsOn());
    }

    @Test
    void rejectsADependencyOnAMissingTask() {
        ws.file("same.work.yaml", "projects: [\"packages/*\"]\n");
        ws.project("packages/lib", "lib");
        ws.file("packages/web/same.yaml", """
                project: web
                tasks:
                  build:
                    cmd: [make]
                    dependsOn:
                      - lib:biuld
                """);

        SameException e = ws.loadFails();

        assertEquals("missing dependency: task 'web:build' depends on 'lib:biuld', which does not exist", e.getMessage());
        assertEquals(List.of("at packages/web/same.yaml:6", "did you mean 'lib:build'?"), e.context());
    }

    @Test
    void rebasesInputsAndTargetsOnTheRoot() {
        ws.file("same.work.yaml", "projects: [\"packages/*\"]\n");
        ws.file("packages/web/same.yaml", """
                project: web
                tasks:
                  build:
                    cmd: [make]
                    input: [src, "!src/gen", "src/**/*.ts", ../shared/lib, ./a/../b/, ., src, /ABS/x]
                    target: [dist, ./dist/, out/app.js]
                """.replace("/ABS", root.toString()));

        TaskDef build = ws.load().tasks().get("web:build");

        assertEquals(List.of("!packages/web/src/gen", "packages/shared/lib", "packages/web", "packages/web/b",
                "packages/web/src", "packages/web/src/**/*.ts", "x"), build.inputs());
        assertEquals(List.of("packages/web/dist", "packages/web/out/app.js"), build.targets());
    }

    @Test
    void rejectsInputsAndTargetsOutsideTheRoot() {
        ws.file("same.work.yaml", "projects: [web]\n");
        ws.file("web/same.yaml", """
                project: web
                tasks:
                  build:
                    cmd: [make]
                    input: [../../etc]
                """);

        SameException input = ws.loadFails();
        assertEquals("input path is outside project root: '../../etc' in task 'web:build'", input.getMessage());
        assertEquals(List.of("at web/same.yaml:5",
                "paths are relative to the project directory (web) and must stay inside the workspace root"),
                input.context());

        ws.file("web/same.yaml", """
                project: web
                tasks:
                  build:
                    cmd: [make]
                    target:
                      - dist
                      - ../../dist
                """);

        TaskDef task = ws.load().tasks().get("web:build");
        assertEquals(List.of("web/dist"), task.targets());
        assertEquals("output path is outside project root: '../../dist' in task 'web:build' (at web/same.yaml:7)",
                task.problem(), "it fails that task when it runs, not the whole workspace");
    }

    @Test
    void resolvesTheWorkingDirectory() {
        ws.file("same.work.yaml", "projects: [\"packages/web\"]\n");
        ws.file("packages/web/same.yaml", """
                project: web
                tasks:
                  default: { cmd: [make] }
                  sub: { cmd: [make], workingDir: sub/ }
                  parent: { cmd: [make], workingDir: .. }
                  top: { cmd: [make], workingDir: ../.. }
                  escape: { cmd: [make], workingDir: ../../.. }
                """);

        SameException e = ws.loadFails();
        assertEquals("working directory is outside project root: '../../..' in task 'web:escape'", e.getMessage());

        ws.file("packages/web/same.yaml", """
                project: web
                tasks:
                  default: { cmd: [make] }
                  sub: { cmd: [make], workingDir: sub/ }
                  parent: { cmd: [make], workingDir: .. }
                  top: { cmd: [make], workingDir: ../.. }
                """);
        Map<String, TaskDef> tasks = ws.load().tasks();
        assertEquals("packages/web", tasks.get("web:default").workingDir());
        assertEquals("packages/web/sub", tasks.get("web:sub").workingDir());
        assertEquals("packages", tasks.get("web:parent").workingDir());
        assertEquals("", tasks.get("web:top").workingDir());
    }

    @Test
    void handlesUnicodeAndSpacesInProjectDirectories() {
        ws.file("same.work.yaml", "projects: [\"pa ckages/*\"]\n");
        ws.file("pa ckages/wëb ap/same.yaml", """
                project: web
                tasks:
                  build:
                    cmd: [make]
                    input: ["src dir", "données"]
                """);

        Workspace workspace = ws.load();

        assertEquals("pa ckages/wëb ap", workspace.projects().get("web").relativeDir());
        assertEquals(List.of("pa ckages/wëb ap/données", "pa ckages/wëb ap/src dir"),
                workspace.tasks().get("web:build").inputs());
        assertEquals(new SourceLocation(root.resolve("pa ckages/wëb ap/same.yaml"), 3),
                workspace.tasks().get("web:build").location());
    }

    @Test
    void errorsNameTheProjectFileRelativeToTheRoot() {
        ws.file("same.work.yaml", "projects: [\"packages/*\"]\n");
        ws.file("packages/web/same.yaml", """
                project: web
                tasks:
                  build:
                    cmd: [make]
                    input: 3
                """);

        SameException e = ws.loadFails();

        assertEquals("packages/web/same.yaml:5: 'input' in task 'web:build' must be a list of strings, not a single value",
                e.getMessage());
    }

    @Test
    void theResultIsImmutable() {
        ws.file("same.work.yaml", "projects: [web]\n");
        ws.project("web", "web");

        Workspace workspace = ws.load();

        assertThrows(UnsupportedOperationException.class, () -> workspace.tasks().clear());
        assertThrows(UnsupportedOperationException.class, () -> workspace.projects().clear());
        assertThrows(UnsupportedOperationException.class, () -> workspace.warnings().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> workspace.configFiles().clear());
        TaskDef build = workspace.tasks().get("web:build");
        assertThrows(UnsupportedOperationException.class, () -> build.cmd().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> build.environment().put("A", "B"));
        assertThrows(UnsupportedOperationException.class, () -> workspace.projects().get("web").tools().clear());
    }

    @Test
    void aWorkspaceWithoutProjectsIsEmpty() {
        ws.file("same.work.yaml", "version: \"1\"\n");

        Workspace workspace = ws.load();

        assertEquals(Map.of(), workspace.projects());
        assertEquals(Map.of(), workspace.tasks());
        assertEquals(List.of(root.resolve("same.work.yaml")), workspace.configFiles());
    }
}
