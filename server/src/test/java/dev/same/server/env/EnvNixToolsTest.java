package dev.same.server.env;

import dev.same.server.env.nix.EnvDevEnvVariablesTest;

import dev.same.server.cache.CacheDirectory;
import dev.same.server.config.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tasks with Nix tools, end to end inside the server: versions resolved by a local nixhub, the expression
 * generated, {@code nix} run (a stand-in script on PATH that prints a recorded print-dev-env answer and logs its
 * arguments), the variables taken, the result cached.
 */
class EnvNixToolsTest {
    @TempDir
    Path dir;
    @TempDir
    Path bin;
    EnvFixture ws;
    FakeNixhub nixhub;

    @BeforeEach
    void setUp() throws Exception {
        nixhub = new FakeNixhub().answer("go@1.22.0", "go-1.22.0.json").answer("nodejs@22", "nodejs-22-flat.json");
        ws = new EnvFixture(dir)
                .file("same.work.yaml", "tools: { go: go@1.22.0 }\nprojects: [api]\n")
                .file("api/same.yaml", """
                        project: api
                        tools: { node: nodejs@22 }
                        tasks:
                          build: { cmd: [go, build], tools: [go, node] }
                          lint: { cmd: [golint], tools: [go] }
                          both:
                            cmd: [make]
                            tools: [go]
                            env: { command: [sh, -c, 'echo PATH=/opt/cmd/bin; echo FOO=from-command'] }
                        """);
        Path answer = bin.resolve("print-dev-env.json");
        Files.writeString(answer, EnvDevEnvVariablesTest.read("/env/print-dev-env.json"));
        Path nix = bin.resolve("nix");
        Files.writeString(nix, "#!/bin/sh\necho \"$@\" >> " + ws.root.resolve("nix-calls.log") + "\ncat " + answer
                + "\n");
        Files.setPosixFilePermissions(nix, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void tearDown() {
        nixhub.close();
    }

    private ToolEnvironmentResolver resolver() {
        return new ToolEnvironmentResolver(CacheDirectory.of(ws.root), EnvFixture.settings(Duration.ofSeconds(30),
                nixhub.url(), Map.of("PATH", bin + ":" + System.getenv("PATH"))));
    }

    @Test
    void toolsBecomeTheVariablesOfANixShell() throws Exception {
        Workspace workspace = ws.load();

        ToolEnvironment build = EnvFixture.resolve(resolver(), workspace, "api:build");

        assertEquals("/opt/tool/bin:/opt/other/bin", build.variables().get("PATH"));
        assertEquals("bar", build.variables().get("FOO"));
        String call = ws.read("nix-calls.log").strip();
        assertTrue(call.startsWith("--extra-experimental-features nix-command flakes print-dev-env --json --impure -f "),
                call);
        Path expression = Path.of(call.substring(call.lastIndexOf(' ') + 1));
        assertEquals(ws.root.resolve(".same/tools/nix/" + build.hash() + ".nix"), expression);
        String text = Files.readString(expression);
        assertTrue(text.contains("builtins.getFlake \"github:NixOS/nixpkgs/b8697e57f10292a6165a20f03d2f42920dfaf973\""),
                text);
        assertTrue(text.contains("nixpkgs1.nodejs_22  # nodejs@22"), text);
        try (var cached = Files.list(ws.root.resolve(".same/cache/nixhub"))) {
            assertEquals(2, cached.count());
        }
    }

    @Test
    void theHashFollowsTheResolvedTools() {
        Workspace workspace = ws.load();
        ToolEnvironmentResolver resolver = resolver();

        ToolEnvironment build = EnvFixture.resolve(resolver, workspace, "api:build");
        ToolEnvironment lint = EnvFixture.resolve(resolver, workspace, "api:lint");

        assertNotEquals(build.hash(), lint.hash());
        assertEquals(2, ws.runs("nix-calls.log"));
        assertEquals("nix: go@1.22.0, nodejs@22", resolver.describe(workspace.projects().get("api"),
                workspace.tasks().get("api:build")));
    }

    @Test
    void aNewProcessNeitherAsksTheResolverNorRunsNix() {
        ToolEnvironment first = EnvFixture.resolve(resolver(), ws.load(), "api:build");
        int requests = nixhub.requests.size();

        ToolEnvironment again = EnvFixture.resolve(resolver(), ws.load(), "api:build");

        assertEquals(first, again);
        assertEquals(requests, nixhub.requests.size());
        assertEquals(1, ws.runs("nix-calls.log"));
    }

    @Test
    void toolsAndACommandCombineTheCommandWinning() {
        ToolEnvironment both = EnvFixture.resolve(resolver(), ws.load(), "api:both");

        assertEquals("/opt/cmd/bin:/opt/tool/bin:/opt/other/bin", both.variables().get("PATH"));
        assertEquals("from-command", both.variables().get("FOO"));
        assertEquals("hello world", both.variables().get("GREETING"));
    }
}
