package dev.same.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diagnostics while typing: the CLI's messages at the place they name, cleared when the text is fixed. */
class DiagnosticsTest {
    private static final String WEB = """
            version: "1"
            project: web
            tasks:
              build:
                cmd: [make]
                dependsOn: ["lib:build"]
            """;

    @TempDir
    Path temp;
    Path root;
    InProcessLsp lsp;

    @BeforeEach
    void start() throws Exception {
        root = temp.toRealPath();
        InProcessLsp.write(root.resolve("same.work.yaml"), "version: \"1\"\nprojects: [\"packages/*\"]\n");
        InProcessLsp.write(root.resolve("packages/lib/same.yaml"), """
                project: lib
                tasks:
                  build:
                    cmd: [make]
                """);
        InProcessLsp.write(root.resolve("packages/web/same.yaml"), WEB);
        lsp = new InProcessLsp().initialize(root);
    }

    @AfterEach
    void stop() throws Exception {
        lsp.close();
    }

    private Diagnostic only(String uri, String text) {
        lsp.change(uri, 2, text);
        List<Diagnostic> found = lsp.client.awaitDiagnostics(uri, list -> !list.isEmpty(), "a diagnostic");
        assertEquals(1, found.size(), found.toString());
        return found.getFirst();
    }

    private String openWeb() throws IOException {
        String uri = lsp.open(root.resolve("packages/web/same.yaml"));
        lsp.client.awaitDiagnostics(uri, List::isEmpty, "a valid file has none");
        return uri;
    }

    @Test
    void brokenYamlAtItsLineAndColumnThenFixed() throws Exception {
        String uri = openWeb();
        Diagnostic yaml = only(uri, WEB.replace("cmd: [make]", "cmd: [make\n    x: {"));
        assertTrue(yaml.getMessage().getLeft().startsWith("failed to parse project config: invalid YAML: "),
                "in the original's words, and the place is not repeated in the text: " + yaml.getMessage().getLeft());
        assertEquals(DiagnosticSeverity.Error, yaml.getSeverity());
        assertEquals(new Position(5, 5), yaml.getRange().getStart(), "at the colon of \"x:\" in the unclosed list");

        lsp.change(uri, 3, WEB);
        lsp.client.awaitDiagnostics(uri, List::isEmpty, "the fixed text clears it");
    }

    @Test
    void unknownKeyWithSuggestion() throws Exception {
        String uri = openWeb();
        Diagnostic unknown = only(uri, WEB.replace("cmd:", "comd:"));
        assertEquals("unknown key 'comd' in task 'web:build'\ndid you mean 'cmd'?\nknown keys: cmd, input, target, "
                + "dependsOn, tools, environment, env, workingDir, rebuild, cache, remote, portable",
                unknown.getMessage().getLeft());
        assertEquals(new org.eclipse.lsp4j.Range(new Position(4, 4), new Position(4, 8)), unknown.getRange());
    }

    @Test
    void missingDependencyAtItsEntry() throws Exception {
        String uri = openWeb();
        Diagnostic missing = only(uri, WEB.replace("lib:build", "lib:biuld"));
        assertEquals("missing dependency: task 'web:build' depends on 'lib:biuld', which does not exist\n"
                + "did you mean 'lib:build'?", missing.getMessage().getLeft());
        assertEquals(new Position(5, 17), missing.getRange().getStart());
    }

    @Test
    void aCycleAcrossProjectsIsShownInEveryFileOnIt() throws Exception {
        String web = openWeb();
        String lib = lsp.open(root.resolve("packages/lib/same.yaml"));
        lsp.change(lib, 2, "project: lib\ntasks:\n  build:\n    cmd: [make]\n    dependsOn: [\"web:build\"]\n");
        Diagnostic inLib = lsp.client.awaitDiagnostics(lib, list -> !list.isEmpty(), "the cycle in lib").getFirst();
        Diagnostic inWeb = lsp.client.awaitDiagnostics(web, list -> !list.isEmpty(), "the cycle in web").getFirst();
        assertTrue(inLib.getMessage().getLeft().startsWith("cycle detected: lib:build -> web:build -> lib:build"),
                inLib.getMessage().getLeft());
        assertEquals(inLib.getMessage(), inWeb.getMessage());
        assertEquals(2, inLib.getRange().getStart().getLine());
        assertEquals(3, inWeb.getRange().getStart().getLine());

        lsp.change(lib, 3, "project: lib\ntasks:\n  build:\n    cmd: [make]\n");
        lsp.client.awaitDiagnostics(web, List::isEmpty, "breaking the cycle clears web");
        lsp.client.awaitDiagnostics(lib, List::isEmpty, "breaking the cycle clears lib");
    }

    @Test
    void invalidToolSpecification() throws Exception {
        String uri = openWeb();
        Diagnostic tool = only(uri, WEB.replace("tasks:", "tools:\n  node: nodejs\ntasks:"));
        assertTrue(tool.getMessage().getLeft().startsWith("invalid tool specification, expected format: package@version"),
                tool.getMessage().getLeft());
        assertEquals(3, tool.getRange().getStart().getLine());
    }

    @Test
    void duplicateProjectInBothFiles() throws Exception {
        String web = openWeb();
        Path other = root.resolve("packages/other/same.yaml");
        Files.createDirectories(other.getParent());
        String uri = lsp.open(other, "project: web\ntasks:\n  x:\n    cmd: [make]\n");
        Diagnostic duplicate = lsp.client.awaitDiagnostics(uri, list -> !list.isEmpty(), "the duplicate").getFirst();
        assertTrue(duplicate.getMessage().getLeft().startsWith("duplicate project name 'web'"),
                duplicate.getMessage().getLeft());
        assertEquals(0, duplicate.getRange().getStart().getLine());
        lsp.client.awaitDiagnostics(web, list -> !list.isEmpty(), "the first of the two is marked too");
    }

    @Test
    void reservedTaskName() throws Exception {
        String uri = openWeb();
        Diagnostic reserved = only(uri, WEB.replace("  build:", "  all:"));
        assertTrue(reserved.getMessage().getLeft().startsWith("task name 'all' is reserved"),
                reserved.getMessage().getLeft());
        assertEquals(new Position(3, 2), reserved.getRange().getStart());
    }

    @Test
    void unknownTopLevelKeyIsAWarning() throws Exception {
        String uri = openWeb();
        Diagnostic warning = only(uri, WEB.replace("project: web", "project: web\nverison: 2"));
        assertEquals(DiagnosticSeverity.Warning, warning.getSeverity());
        assertTrue(warning.getMessage().getLeft().contains("unknown key 'verison' ignored (did you mean 'version'?)"),
                warning.getMessage().getLeft());
        assertEquals(2, warning.getRange().getStart().getLine());
    }

    @Test
    void theOriginalsWarningsAreShownOnTheFileTheyName() throws Exception {
        String uri = openWeb();
        Diagnostic root = only(uri, WEB.replace("project: web", "project: web\nroot: \"..\""));
        assertEquals(DiagnosticSeverity.Warning, root.getSeverity());
        assertEquals("'root' defined in packages/web/same.yaml is ignored in workspace mode",
                root.getMessage().getLeft());
    }
}
