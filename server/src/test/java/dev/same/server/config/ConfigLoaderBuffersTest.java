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
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link ConfigLoader#load(Path, Map)}: an editor's unsaved text is validated as the saved file would be. */
class ConfigLoaderBuffersTest {
    @TempDir
    Path temp;
    TempWorkspace ws;
    Path root;

    @BeforeEach
    void setUp() throws IOException {
        ws = new TempWorkspace(temp);
        root = temp.toRealPath();
        ws.file("same.work.yaml", """
                version: "1"
                projects: ["packages/*"]
                """).project("packages/web", "web").project("packages/lib", "lib");
    }

    @Test
    void aBufferReplacesItsFileAndOthersComeFromDisk() {
        Workspace workspace = ConfigLoader.load(root, Map.of(root.resolve("packages/web/same.yaml"), """
                project: web
                tasks:
                  test:
                    cmd: [make, test]
                    dependsOn: ["lib:build"]
                """));

        assertEquals(List.of("lib:build", "web:test"), List.copyOf(workspace.tasks().keySet()));
        assertEquals(List.of("lib:build"), workspace.tasks().get("web:test").dependsOn());
    }

    @Test
    void aBrokenBufferFailsWithTheMessageTheSavedFileWouldGive() {
        Path web = root.resolve("packages/web/same.yaml");
        String broken = "project: web\ntasks:\n  build:\n    cmd: [make]\n    inptu: [src]\n";
        SameException fromBuffer = assertThrows(SameException.class, () -> ConfigLoader.load(root, Map.of(web, broken)));
        ws.file("packages/web/same.yaml", broken);
        SameException fromDisk = ws.loadFails();

        assertEquals(fromDisk.getMessage(), fromBuffer.getMessage());
        assertEquals(fromDisk.context(), fromBuffer.context());
        assertEquals("at packages/web/same.yaml:5", fromBuffer.context().getFirst());
    }

    @Test
    void aBufferNotYetSavedCountsAsAProject() {
        ws.dir("packages/new");
        Workspace workspace = ConfigLoader.load(root, Map.of(root.resolve("packages/new/same.yaml"),
                "project: fresh\ntasks:\n  go:\n    cmd: [true]\n"));

        assertEquals(List.of("fresh", "lib", "web"), List.copyOf(workspace.projects().keySet()));
    }

    @Test
    void withoutBuffersItLoadsAsBefore() {
        assertEquals(ws.load(), ConfigLoader.load(root, Map.of()));
    }
}
