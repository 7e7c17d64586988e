package dev.same.server.config;

import dev.same.server.SameException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Broken and unusual YAML. */
class ConfigYamlTest {
    @TempDir
    Path temp;
    TempWorkspace ws;

    @BeforeEach
    void setUp() {
        ws = new TempWorkspace(temp);
    }

    @Test
    void reportsInvalidYamlWithLineAndColumn() {
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  build:
                    cmd: make
                      input: [src]
                """);

        SameException e = ws.loadFails();

        assertEquals("failed to parse config file: invalid YAML in same.yaml at line 5, column 12: mapping values are not allowed here",
                e.getMessage());
        assertNoJavaNames(e);
    }

    @Test
    void reportsAnUnclosedListWithWhereItStarted() {
        ws.file("same.yaml", """
                tasks:
                  build:
                    cmd: ["echo hello"]
                    input: ["src/**/*"  # unclosed
                """);

        SameException e = ws.loadFails();

        assertEquals("failed to parse config file: invalid YAML in same.yaml at line 5, column 1: expected ',' or ']', but got <stream end>",
                e.getMessage());
        assertEquals(List.of("while parsing a flow sequence started at line 4, column 12"), e.context());
        assertNoJavaNames(e);
    }

    @Test
    void namesTheProjectFileRelativeToTheRoot() {
        ws.file("same.work.yaml", "projects: [\"packages/*\"]\n");
        ws.file("packages/web/same.yaml", "project: web\ntasks:\n\tbuild: {}\n");

        SameException e = ws.loadFails();

        assertEquals("failed to parse project config: invalid YAML in packages/web/same.yaml at line 3, column 1: found character '\\t(TAB)' that "
                + "cannot start any token. (Do not use \\t(TAB) for indentation)", e.getMessage());
        assertNoJavaNames(e);
    }

    @Test
    void rejectsDuplicateKeys() {
        ws.file("same.yaml", """
                tasks:
                  build:
                    cmd: [make]
                  build:
                    cmd: [make, all]
                """);

        assertEquals("failed to parse config file: invalid YAML in same.yaml at line 4, column 3: duplicate key 'build'", ws.loadFails().getMessage());
    }

    @Test
    void rejectsAliasesRatherThanMisreadingThem() {
        ws.file("same.yaml", """
                tasks:
                  build: &build
                    cmd: [make]
                  again: *build
                """);

        assertEquals("failed to parse config file: same.yaml:4: YAML aliases (*build) are not supported; repeat the value instead",
                ws.loadFails().getMessage());
    }

    @Test
    void rejectsSeveralDocuments() {
        ws.file("same.yaml", "tasks: {}\n---\ntasks: {}\n");

        assertEquals("failed to parse config file: invalid YAML in same.yaml at line 3, column 1: expected a single document, found another one",
                ws.loadFails().getMessage());
    }

    @Test
    void theTopLevelMustBeAMapping() {
        ws.file("same.yaml", "# tasks\n- build\n- test\n");

        assertEquals("same.yaml:2: the top level must be a mapping of keys to values", ws.loadFails().getMessage());

        ws.file("same.yaml", "just text\n");
        assertEquals("same.yaml:1: the top level must be a mapping of keys to values", ws.loadFails().getMessage());
    }

    @Test
    void anEmptyFileIsAnEmptyProject() {
        ws.file("same.yaml", "# nothing yet\n");

        assertEquals(Map.of(), ws.load().tasks());
    }

    @Test
    void rejectsAFileThatIsNotUtf8() throws IOException {
        Files.write(temp.resolve("same.yaml"), new byte[]{'a', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});

        assertEquals("failed to read config file same.yaml: it is not UTF-8 text", ws.loadFails().getMessage());
    }

    @Test
    void ignoresAByteOrderMark() {
        ws.file("same.yaml", "\uFEFFtasks:\n  build:\n    cmd: [make]\n");

        assertEquals(List.of("build"), List.copyOf(ws.load().tasks().keySet()));
    }

    @Test
    void readsUnicodeKeysAndValues() {
        ws.file("same.yaml", """
                tasks:
                  "générer":
                    cmd: [echo, "héllo wörld ✓"]
                """);

        assertEquals(List.of("echo", "héllo wörld ✓"), ws.load().tasks().get("générer").cmd());
    }

    private static void assertNoJavaNames(SameException e) {
        String all = e.getMessage() + String.join("\n", e.context());
        assertFalse(all.contains("Exception"), all);
        assertFalse(all.contains("com.fasterxml"), all);
        assertFalse(all.contains("org.yaml"), all);
        assertFalse(all.contains("'reader'"), all);
    }
}
