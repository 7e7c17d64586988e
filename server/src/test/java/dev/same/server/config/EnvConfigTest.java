package dev.same.server.config;

import dev.same.server.SameException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Tool specs and {@code env} entries in the configuration. */
class EnvConfigTest {
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
    void aToolSpecWithoutVersionIsRejectedWithItsLine() {
        ws.file("same.yaml", """
                version: "1"
                tools:
                  node: nodejs@22
                  go: go1.22
                tasks:
                  build:
                    cmd: [make]
                """);

        SameException e = ws.loadFails();

        assertEquals("invalid tool specification, expected format: package@version", e.getMessage());
        assertEquals("at same.yaml:4", e.context().getFirst());
        assertEquals("tool 'go' is 'go1.22'; write it as package@version, e.g. go: go1.22@1.2.3", e.context().get(1));
    }

    @Test
    void aWorkspaceToolSpecIsCheckedToo() {
        ws.file("same.work.yaml", "tools: { go: \"go@\" }\nprojects: [web]\n").project("web", "web");

        SameException e = ws.loadFails();

        assertEquals("invalid tool specification, expected format: package@version", e.getMessage());
        assertEquals("at same.work.yaml:1", e.context().getFirst());
    }

    @Test
    void theNearestEnvEntryWins() {
        ws.file("same.work.yaml", """
                env: { command: [mise, env, --json], files: [.tool-versions] }
                projects: [web, api, lib]
                """);
        ws.file("web/same.yaml", """
                project: web
                env:
                  command: [direnv, export, json]
                  files: [.envrc, ../shared/.envrc]
                tasks:
                  build:
                    cmd: [make]
                  test:
                    cmd: [make, test]
                    env: { command: ./env.sh, files: [env.sh] }
                """);
        ws.project("api", "api");
        ws.file("lib/same.yaml", "project: lib\ntasks:\n  build:\n    cmd: [make]\n");

        Workspace workspace = ws.load();

        EnvCommand workspaceEnv = workspace.tasks().get("api:build").env();
        assertEquals(List.of("mise", "env", "--json"), workspaceEnv.command());
        assertEquals(List.of(".tool-versions"), workspaceEnv.files());
        assertEquals("", workspaceEnv.baseDir());
        assertEquals(new SourceLocation(root.resolve("same.work.yaml"), 1), workspaceEnv.location());
        assertEquals(workspaceEnv, workspace.tasks().get("lib:build").env());

        EnvCommand projectEnv = workspace.tasks().get("web:build").env();
        assertEquals(List.of("direnv", "export", "json"), projectEnv.command());
        assertEquals(List.of("shared/.envrc", "web/.envrc"), projectEnv.files());
        assertEquals("web", projectEnv.baseDir());
        assertEquals(projectEnv, workspace.projects().get("web").env());

        EnvCommand taskEnv = workspace.tasks().get("web:test").env();
        assertEquals(List.of("./env.sh"), taskEnv.command());
        assertEquals(List.of("web/env.sh"), taskEnv.files());
        assertEquals("web", taskEnv.baseDir());
    }

    @Test
    void noEnvEntryMeansNone() {
        ws.file("same.yaml", "tasks:\n  build:\n    cmd: [make]\n");

        assertNull(ws.load().tasks().get("build").env());
    }

    @Test
    void anEmptyCommandIsRejected() {
        ws.file("same.yaml", "tasks:\n  build:\n    cmd: [make]\n    env:\n      files: [a]\n");

        SameException e = ws.loadFails();

        assertEquals("environment command is empty: 'env' in task 'build' has no 'command'", e.getMessage());
        assertEquals("at same.yaml:4", e.context().getFirst());
    }

    @Test
    void anUnknownKeyIsRejectedWithASuggestion() {
        ws.file("same.yaml", "env:\n  command: [x]\n  file: [a]\ntasks:\n  build:\n    cmd: [make]\n");

        SameException e = ws.loadFails();

        assertEquals("unknown key 'file' in 'env' in same.yaml", e.getMessage());
        assertEquals(List.of("at same.yaml:3", "did you mean 'files'?", "known keys: command, files"), e.context());
    }

    @Test
    void aFileOutsideTheRootIsRejected() {
        ws.file("same.yaml", "env:\n  command: [x]\n  files: [../secret]\ntasks:\n  build:\n    cmd: [make]\n");

        SameException e = ws.loadFails();

        assertEquals("environment file is outside the workspace root: '../secret' in 'env' in same.yaml",
                e.getMessage());
        assertEquals("at same.yaml:3", e.context().getFirst());
    }

    @Test
    void aCommandMustBeAList() {
        ws.file("same.yaml", "env:\n  command: {a: b}\ntasks:\n  build:\n    cmd: [make]\n");

        SameException e = ws.loadFails();

        assertEquals("same.yaml:2: 'command' of 'env' in same.yaml must be a list of strings, not a map",
                e.getMessage());
    }
}
