package dev.same.server.env;

import dev.same.server.config.Project;
import dev.same.server.config.TaskDef;
import dev.same.server.config.Workspace;
import dev.same.server.graph.TaskGraph;
import dev.same.server.hash.FileDigests;
import dev.same.server.exec.Fingerprinter;
import dev.same.server.exec.TaskFingerprint;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The environment's hash is part of the task hash: through the Fingerprinter, as status and runs compute it. */
class EnvFingerprintTest {
    @TempDir
    Path dir;

    @Test
    void aTaskHashFollowsItsEnvironment() {
        EnvFixture ws = new EnvFixture(dir)
                .file("same.yaml", """
                        tasks:
                          build:
                            cmd: [make]
                            env: { command: [sh, -c, 'echo "GO=$(cat .go-version)"'], files: [.go-version] }
                          docs:
                            cmd: [make, docs]
                        """)
                .file(".go-version", "1.22\n");
        ToolEnvironmentResolver resolver = ws.resolver();
        Fingerprinter fingerprinter = new Fingerprinter(new FileDigests(), resolver);
        Workspace workspace = ws.load();
        TaskGraph graph = TaskGraph.of(workspace);

        Map<String, TaskFingerprint> before = fingerprinter.fingerprint(workspace, graph, graph.order());
        ws.file(".go-version", "1.23\n");
        resolver.invalidate(Set.of(".go-version"), false);
        Map<String, TaskFingerprint> after = fingerprinter.fingerprint(workspace, graph, graph.order());
        ws.file(".go-version", "1.22\n");
        resolver.invalidate(Set.of(".go-version"), false);
        Map<String, TaskFingerprint> reverted = fingerprinter.fingerprint(workspace, graph, graph.order());

        assertNotEquals(before.get("build").hash(), after.get("build").hash());
        assertEquals(before.get("build").hash(), reverted.get("build").hash());
        assertEquals(before.get("docs").hash(), after.get("docs").hash());
        assertEquals("1.23", after.get("build").tools().variables().get("GO"));
        assertEquals(after.get("build").tools().hash(), after.get("build").environment().get(TaskFingerprint.TOOLS_KEY));
    }

    @Test
    void aTaskHashIsForItsPlatformUnlessTheTaskIsPortable() {
        EnvFixture ws = new EnvFixture(dir).file("same.yaml", """
                tasks:
                  native: { cmd: [cc, main.c] }
                  bundle: { cmd: [esbuild, main.ts], portable: true }
                """);
        ToolEnvironmentResolver linux = ws.resolver();
        EnvironmentResolver mac = new EnvironmentResolver() {
            @Override
            public ToolEnvironment resolve(Project project, TaskDef task) {
                return linux.resolve(project, task);
            }

            @Override
            public String platform() {
                return "aarch64-darwin";
            }
        };
        Workspace workspace = ws.load();
        TaskGraph graph = TaskGraph.of(workspace);
        Map<String, TaskFingerprint> onLinux = new Fingerprinter(new FileDigests(), linux)
                .fingerprint(workspace, graph, graph.order());
        Map<String, TaskFingerprint> onMac = new Fingerprinter(new FileDigests(), mac)
                .fingerprint(workspace, graph, graph.order());

        assertNotEquals(onLinux.get("native").hash(), onMac.get("native").hash());
        assertEquals("x86_64-linux", onLinux.get("native").environment().get(TaskFingerprint.PLATFORM_KEY));
        assertEquals("aarch64-darwin", onMac.get("native").environment().get(TaskFingerprint.PLATFORM_KEY));
        assertEquals(onLinux.get("bundle").hash(), onMac.get("bundle").hash());
        assertFalse(onMac.get("bundle").environment().containsKey(TaskFingerprint.PLATFORM_KEY));
    }

    @Test
    void aBrokenEnvironmentMakesTheTaskUnknownWithTheReason() {
        EnvFixture ws = new EnvFixture(dir).file("same.yaml", """
                tasks:
                  build:
                    cmd: [make]
                    env: { command: [sh, -c, 'echo broken >&2; exit 1'] }
                """);
        Workspace workspace = ws.load();
        TaskGraph graph = TaskGraph.of(workspace);

        TaskFingerprint build = new Fingerprinter(new FileDigests(), ws.resolver())
                .fingerprint(workspace, graph, graph.order()).get("build");

        assertFalse(build.known());
        assertTrue(build.problem().startsWith("environment command failed with exit status 1"), build.problem());
    }
}
