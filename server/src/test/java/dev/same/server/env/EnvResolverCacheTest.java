package dev.same.server.env;

import dev.same.server.SameException;
import dev.same.server.config.Workspace;
import dev.same.server.hash.Digest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Caching of resolved environments: on disk across processes, in memory, once per concurrent burst, invalidation. */
class EnvResolverCacheTest {
    @TempDir
    Path dir;
    EnvFixture ws;

    /** Two projects: web's env reads .tool-versions, api's reads .nvmrc; each run appends to a log. */
    @BeforeEach
    void setUp() {
        ws = new EnvFixture(dir)
                .file("same.work.yaml", "projects: [web, api, plain]\n")
                .file("web/same.yaml", """
                        project: web
                        env:
                          command: [sh, -c, 'echo run >> ../web-runs.log; echo "NODE=$(cat ../.tool-versions)"']
                          files: [../.tool-versions]
                        tasks:
                          build: { cmd: [make] }
                          test: { cmd: [make, test] }
                        """)
                .file("api/same.yaml", """
                        project: api
                        env:
                          command: [sh, -c, 'echo run >> ../api-runs.log; echo "NVM=$(cat .nvmrc)"']
                          files: [.nvmrc]
                        tasks:
                          build: { cmd: [make] }
                        """)
                .file("plain/same.yaml", "project: plain\ntasks:\n  build: { cmd: [make] }\n")
                .file(".tool-versions", "nodejs 22\n")
                .file("api/.nvmrc", "20\n");
    }

    @Test
    void aTaskWithoutToolsOrEnvHasTheConstantEmptyEnvironment() {
        ToolEnvironment env = EnvFixture.resolve(ws.resolver(), ws.load(), "plain:build");

        assertEquals(Digest.of("host\n"), env.hash());
        assertTrue(env.variables().isEmpty());
    }

    @Test
    void tasksSharingAnEntryShareOneResolution() {
        ToolEnvironmentResolver resolver = ws.resolver();
        Workspace workspace = ws.load();

        ToolEnvironment build = EnvFixture.resolve(resolver, workspace, "web:build");
        ToolEnvironment test = EnvFixture.resolve(resolver, workspace, "web:test");

        assertEquals(build, test);
        assertEquals("nodejs 22", build.variables().get("NODE"));
        assertEquals(1, ws.runs("web-runs.log"));
        assertEquals(1, resolver.misses());
        assertEquals(1, resolver.hits());
    }

    @Test
    void theDiskCacheSurvivesARestart() throws Exception {
        ToolEnvironment first = EnvFixture.resolve(ws.resolver(), ws.load(), "web:build");

        ToolEnvironmentResolver restarted = ws.resolver();
        ToolEnvironment again = EnvFixture.resolve(restarted, ws.load(), "web:build");

        assertEquals(first, again);
        assertEquals(1, ws.runs("web-runs.log"));
        assertEquals(0, restarted.misses());
        assertEquals(1, restarted.hits());
        assertTrue(Files.isRegularFile(ws.root.resolve(".same/tools/env/" + first.hash() + ".json")));
    }

    @Test
    void concurrentRequestsResolveOnce() throws Exception {
        ws.file("web/same.yaml", ws.read("web/same.yaml").replace("echo run >>", "sleep 1; echo run >>"));
        ToolEnvironmentResolver resolver = ws.resolver();
        Workspace workspace = ws.load();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ToolEnvironment>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                String task = i % 2 == 0 ? "web:build" : "web:test";
                results.add(threads.submit(() -> {
                    start.await();
                    return EnvFixture.resolve(resolver, workspace, task);
                }));
            }
            start.countDown();
        }

        for (Future<ToolEnvironment> result : results) {
            assertEquals(results.getFirst().get(), result.get());
        }
        assertEquals(1, ws.runs("web-runs.log"));
        assertEquals(1, resolver.misses());
    }

    @Test
    void aChangedFileInvalidatesExactlyTheEnvironmentsThatDependOnIt() {
        ToolEnvironmentResolver resolver = ws.resolver();
        Workspace workspace = ws.load();
        ToolEnvironment web = EnvFixture.resolve(resolver, workspace, "web:build");
        ToolEnvironment api = EnvFixture.resolve(resolver, workspace, "api:build");

        ws.file(".tool-versions", "nodejs 24\n");
        ToolEnvironment stale = EnvFixture.resolve(resolver, workspace, "web:build");
        resolver.invalidate(Set.of(".tool-versions", "README.md"), false);
        ToolEnvironment webAfter = EnvFixture.resolve(resolver, workspace, "web:build");
        ToolEnvironment apiAfter = EnvFixture.resolve(resolver, workspace, "api:build");

        assertEquals(web, stale, "kept in memory until the watcher reports the change");
        assertNotEquals(web.hash(), webAfter.hash());
        assertEquals("nodejs 24", webAfter.variables().get("NODE"));
        assertEquals(api, apiAfter);
        assertEquals(2, ws.runs("web-runs.log"));
        assertEquals(1, ws.runs("api-runs.log"));
    }

    @Test
    void revertingAFileFindsTheEarlierEnvironmentOnDisk() {
        ToolEnvironmentResolver resolver = ws.resolver();
        Workspace workspace = ws.load();
        ToolEnvironment before = EnvFixture.resolve(resolver, workspace, "web:build");
        ws.file(".tool-versions", "nodejs 24\n");
        resolver.invalidate(Set.of(".tool-versions"), false);
        EnvFixture.resolve(resolver, workspace, "web:build");

        ws.file(".tool-versions", "nodejs 22\n");
        resolver.invalidate(Set.of(".tool-versions"), false);
        ToolEnvironment reverted = EnvFixture.resolve(resolver, workspace, "web:build");

        assertEquals(before, reverted);
        assertEquals(2, ws.runs("web-runs.log"));
    }

    @Test
    void aRescanInvalidatesEveryCommand() {
        ToolEnvironmentResolver resolver = ws.resolver();
        Workspace workspace = ws.load();
        EnvFixture.resolve(resolver, workspace, "web:build");
        ws.file("api/.nvmrc", "18\n");
        EnvFixture.resolve(resolver, workspace, "api:build");
        ws.file("api/.nvmrc", "16\n");

        resolver.invalidate(Set.of(), true);

        assertEquals("16", EnvFixture.resolve(resolver, workspace, "api:build").variables().get("NVM"));
    }

    @Test
    void forgettingEverythingReadsTheFilesAgain() {
        ToolEnvironmentResolver resolver = ws.resolver();
        Workspace workspace = ws.load();
        EnvFixture.resolve(resolver, workspace, "api:build");
        ws.file("api/.nvmrc", "18\n");

        resolver.forgetAll();

        assertEquals("18", EnvFixture.resolve(resolver, workspace, "api:build").variables().get("NVM"));
    }

    @Test
    void aFailureIsRememberedForStatusAndRetriedByARun() {
        ws.file("api/same.yaml", """
                project: api
                env:
                  command: [sh, -c, 'echo run >> ../api-runs.log; test -f ready && echo OK=1']
                  files: [ready]
                tasks:
                  build: { cmd: [make] }
                """);
        ToolEnvironmentResolver resolver = ws.resolver();
        Workspace workspace = ws.load();
        assertThrows(SameException.class, () -> EnvFixture.resolve(resolver, workspace, "api:build"));
        assertThrows(SameException.class, () -> EnvFixture.resolve(resolver, workspace, "api:build"));
        assertEquals(1, ws.runs("api-runs.log"));

        ws.file("api/ready", "");
        resolver.prepare(workspace, EnvFixture.tasks(workspace, "api:build"));

        assertEquals("1", EnvFixture.resolve(resolver, workspace, "api:build").variables().get("OK"));
        assertEquals(2, ws.runs("api-runs.log"));
    }

    @Test
    void prepareNamesTheTasksThatNeedABrokenEnvironment() {
        ws.file("web/same.yaml", ws.read("web/same.yaml").replace("echo \"NODE", "exit 4; echo \"NODE"));
        ToolEnvironmentResolver resolver = ws.resolver();
        Workspace workspace = ws.load();

        SameException e = assertThrows(SameException.class, () -> resolver.prepare(workspace,
                EnvFixture.tasks(workspace, "api:build", "plain:build", "web:build", "web:test")));

        assertTrue(e.getMessage().startsWith("environment command failed with exit status 4"), e.getMessage());
        assertEquals("at web/same.yaml:2", e.context().getFirst());
        assertEquals("needed by web:build, web:test; no task was started", e.context().getLast());
        assertEquals(1, ws.runs("api-runs.log"), "the healthy environment was resolved all the same");
    }
}
