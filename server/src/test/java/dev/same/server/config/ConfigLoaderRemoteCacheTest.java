package dev.same.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderRemoteCacheTest {
    @TempDir
    Path temp;
    TempWorkspace ws;

    @BeforeEach
    void setUp() {
        ws = new TempWorkspace(temp);
    }

    @Test
    void theWorkfileNamesTheRemoteCacheAndTasksOptOut() {
        ws.file("same.work.yaml", """
                version: "1"
                projects: ["web"]
                cache:
                  remote:
                    url: https://cache.example.com/same
                    readOnly: true
                """);
        ws.file("web/same.yaml", """
                version: "1"
                project: web
                tasks:
                  shared: { cmd: [make] }
                  mine: { cmd: [make], remote: false }
                  never: { cmd: [make], cache: false }
                """);
        Workspace workspace = ws.load();
        assertEquals(new RemoteCacheConfig(URI.create("https://cache.example.com/same"), true), workspace.remoteCache());
        assertEquals(Caching.SHARED, workspace.tasks().get("web:shared").caching());
        assertEquals(Caching.LOCAL, workspace.tasks().get("web:mine").caching());
        assertEquals(Caching.NONE, workspace.tasks().get("web:never").caching());
    }

    @Test
    void aTaskIsForItsPlatformUnlessItSaysItIsPortable() {
        ws.file("same.work.yaml", "version: \"1\"\nprojects: [\"web\"]\n");
        ws.file("web/same.yaml", """
                version: "1"
                project: web
                tasks:
                  native: { cmd: [make] }
                  bundle: { cmd: [make], portable: true }
                  pinned: { cmd: [make], portable: false }
                """);
        Workspace workspace = ws.load();
        assertFalse(workspace.tasks().get("web:native").portable());
        assertTrue(workspace.tasks().get("web:bundle").portable());
        assertFalse(workspace.tasks().get("web:pinned").portable());

        ws.file("web/same.yaml", "version: \"1\"\nproject: web\ntasks:\n  t: { cmd: [make], portable: sometimes }\n");
        assertEquals("web/same.yaml:4: 'portable' in task 'web:t' must be true or false, not 'sometimes'",
                ws.loadFails().getMessage());
    }

    @Test
    void theWorkfileCanMakeEveryTaskPortableUnlessTheTaskSaysOtherwise() {
        ws.file("same.work.yaml", "version: \"1\"\nprojects: [\"web\"]\ncache:\n  portable: true\n");
        ws.file("web/same.yaml", """
                version: "1"
                project: web
                tasks:
                  bundle: { cmd: [make] }
                  native: { cmd: [make], portable: false }
                """);
        Workspace workspace = ws.load();
        assertTrue(workspace.tasks().get("web:bundle").portable());
        assertFalse(workspace.tasks().get("web:native").portable());
        assertNull(workspace.remoteCache(), "portable alone names no remote cache");

        ws.file("same.work.yaml", "version: \"1\"\nprojects: [\"web\"]\ncache:\n  portable: everywhere\n");
        assertEquals("same.work.yaml:4: 'cache.portable' must be true or false, not 'everywhere'",
                ws.loadFails().getMessage());
    }

    @Test
    void noCacheKeyMeansNoRemote() {
        ws.file("same.work.yaml", "version: \"1\"\n");
        assertNull(ws.load().remoteCache());
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutBeingRepeated() {
        ws.file("same.work.yaml", """
                version: "1"
                cache:
                  remote:
                    url: https://ci:hunter2@cache.example.com/same
                """);
        var error = ws.loadFails();
        assertEquals("invalid remote cache url 'https://***@cache.example.com/same': credentials do not belong in "
                + "the URL; use SAME_REMOTE_CACHE_TOKEN or ~/.netrc", error.getMessage());
        assertEquals(List.of("at same.work.yaml:4"), error.context());
    }

    @Test
    void badValuesAndUnknownKeysAreErrorsWithTheirLine() {
        ws.file("same.work.yaml", "version: \"1\"\ncache:\n  remote:\n    url: ftp://cache\n");
        assertEquals("invalid remote cache url 'ftp://cache': use an absolute http or https URL",
                ws.loadFails().getMessage());
        ws.file("same.work.yaml", "version: \"1\"\ncache:\n  remote:\n    url: http://cache\n    readonly: true\n");
        var unknown = ws.loadFails();
        assertEquals("unknown key 'readonly' in 'cache.remote'", unknown.getMessage());
        assertEquals(List.of("at same.work.yaml:5", "did you mean 'readOnly'?", "known keys: url, readOnly"),
                unknown.context());
        ws.file("same.work.yaml", "version: \"1\"\ncache:\n  remote:\n    url: http://cache\n    readOnly: maybe\n");
        assertEquals("same.work.yaml:5: 'cache.remote.readOnly' must be true or false, not 'maybe'",
                ws.loadFails().getMessage());
        ws.file("same.work.yaml", "version: \"1\"\ncache:\n  remote:\n    readOnly: true\n");
        assertEquals("'cache.remote' in same.work.yaml needs a url", ws.loadFails().getMessage());
    }
}
