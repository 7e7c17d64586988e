package dev.same.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion, hover, references and symbols from the buffers alone (this workspace's daemon cannot start). */
class EditingHelpTest {
    private static final String WEB = """
            project: web
            tools:
              node: nodejs@22.3.0
            tasks:
              build:
                cmd: [make]
                dependsOn:
                  - lint
                  - lint
                tools: [node, go]
                rebuild: always
              lint:
                cmd: [true]
            """;

    @TempDir
    Path temp;
    Path root;
    InProcessLsp lsp;
    String web;

    @BeforeEach
    void start() throws Exception {
        root = temp.toRealPath();
        InProcessLsp.write(root.resolve("same.work.yaml"), "projects: [\"packages/*\"]\ntools: { go: go@1.22.0 }\n");
        InProcessLsp.write(root.resolve("packages/lib/same.yaml"), """
                project: lib
                tasks:
                  build:
                    cmd: [make]
                  test:
                    cmd: [make, test]
                    dependsOn: [build, "web:lint"]
                """);
        InProcessLsp.write(root.resolve("packages/web/same.yaml"), WEB);
        lsp = new InProcessLsp().initialize(root);
        web = lsp.open(root.resolve("packages/web/same.yaml"));
        lsp.client.awaitDiagnostics(web, List::isEmpty, "a valid workspace");
    }

    @AfterEach
    void stop() throws Exception {
        lsp.close();
    }

    private List<String> complete(String text, int line, int character) throws Exception {
        lsp.change(web, 2, text);
        return lsp.server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(web),
                new Position(line, character))).get().getLeft().stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void completesWhatBelongsWhereTheCursorIs() throws Exception {
        assertEquals(List.of("version", "project", "root", "tools", "env", "tasks"), complete(WEB, 3, 0));
        assertTrue(complete(WEB + "    inp", 13, 7).containsAll(List.of("input", "target", "workingDir")));
        List<String> dependencies = complete(WEB.replace("      - lint\n    tools", "      - \n    tools"), 8, 8);
        assertEquals(List.of("lint", "lib:build", "lib:test", "lib:"), dependencies);
        assertEquals(List.of("go", "node"), complete(WEB.replace("[node, go]", "[node, ]"), 9, 18));
        assertEquals(List.of("on-change", "always"), complete(WEB.replace("rebuild: always", "rebuild: "), 10, 13));
        assertEquals(List.of("web"), complete(WEB.replace("project: web", "project: "), 0, 9));
    }

    @Test
    void completesInTextThatDoesNotParse() throws Exception {
        String broken = WEB.replace("  lint:\n    cmd: [true]\n", "  lint:\n    dependsOn: [\"li\n");
        assertTrue(complete(broken, 12, 17).contains("lib:build"));
    }

    @Test
    void hoversATaskWithoutADaemonAndAToolAlias() throws Exception {
        Hover task = hover(4, 3);
        assertTrue(task.getContents().getRight().getValue().startsWith("**web:build**\n\nthe daemon is unavailable: "),
                task.getContents().getRight().getValue());
        assertEquals("tool **node** → `nodejs@22.3.0` (nix package nodejs, version 22.3.0)",
                hover(9, 12).getContents().getRight().getValue());
        assertEquals("**web:lint** · state unknown\n\n```\ntrue\n```", hover(7, 8).getContents().getRight().getValue());
    }

    private Hover hover(int line, int character) throws Exception {
        return lsp.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(web),
                new Position(line, character))).get();
    }

    @Test
    void findsWhoDependsOnATask() throws Exception {
        List<? extends Location> references = lsp.server.getTextDocumentService().references(new ReferenceParams(
                new TextDocumentIdentifier(web), new Position(11, 3), new ReferenceContext(false))).get();
        assertEquals(List.of(root.resolve("packages/lib/same.yaml").toUri() + "@6:24",
                        root.resolve("packages/web/same.yaml").toUri() + "@7:8",
                        root.resolve("packages/web/same.yaml").toUri() + "@8:8"),
                references.stream().map(l -> l.getUri() + "@" + l.getRange().getStart().getLine() + ":"
                        + l.getRange().getStart().getCharacter()).sorted().toList());
    }

    @Test
    void listsProjectsAndTasks() throws Exception {
        List<DocumentSymbol> symbols = lsp.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(
                new TextDocumentIdentifier(web))).get().stream().map(either -> either.getRight()).toList();
        assertEquals("web", symbols.getFirst().getName());
        assertEquals(List.of("build", "lint"), symbols.getFirst().getChildren().stream().map(DocumentSymbol::getName)
                .toList());
        List<? extends WorkspaceSymbol> all = lsp.server.getWorkspaceService().symbol(new WorkspaceSymbolParams("build"))
                .get().getRight();
        assertEquals(List.of("lib:build", "web:build"), all.stream().map(WorkspaceSymbol::getName).sorted().toList());
    }
}
