package dev.same.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.lsp.RecordingClient;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensCapabilities;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CodeLensWorkspaceCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code same lsp} of the distribution, driven over its stdio by lsp4j's client on a workspace with a daemon. */
class LanguageServerIT {
    private static final String WEB = """
            version: "1"
            project: web
            tasks:
              build:
                cmd: ["sh", "-c", "mkdir -p dist && cat ../lib/dist/a.txt > dist/out.txt; : %s"]
                input: ["src"]
                target: ["dist"]
                dependsOn: ["lint", "lib:build"]
              lint:
                cmd: ["true"]
            """;

    private DaemonWorkspace ws;
    private Process server;
    private RecordingClient client;
    private LanguageServer remote;

    @BeforeEach
    void start() throws Exception {
        ws = new DaemonWorkspace();
        ws.file("same.work.yaml", """
                version: "1"
                tools: { node: nodejs@22 }
                projects: ["packages/*"]
                """)
                .file("packages/lib/same.yaml", """
                        version: "1"
                        project: lib
                        tasks:
                          build:
                            cmd: ["sh", "-c", "mkdir -p dist && cp src/a.txt dist/a.txt; : %s"]
                            input: ["src"]
                            target: ["dist"]
                        """.formatted(ws.marker))
                .file("packages/lib/src/a.txt", "1\n")
                .file("packages/web/same.yaml", WEB.formatted(ws.marker))
                .file("packages/web/src/main.txt", "main\n");
        ProcessBuilder builder = new ProcessBuilder(ws.distribution().resolve("bin/same").toString(), "lsp")
                .directory(ws.root.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(ws.root.resolve("lsp.err").toFile()));
        builder.environment().clear();
        builder.environment().putAll(ws.environment);
        server = builder.start();
        client = new RecordingClient();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, server.getInputStream(),
                server.getOutputStream());
        launcher.startListening();
        remote = launcher.getRemoteProxy();
    }

    @AfterEach
    void stop() throws Exception {
        server.destroy();
        if (!server.waitFor(DaemonWorkspace.DEADLINE_MILLIS, TimeUnit.MILLISECONDS)) {
            server.destroyForcibly();
        }
        ws.close();
    }

    @Test
    void editsRunsAndFollowsTheDaemon() throws Exception {
        initialize();
        String web = uri("packages/web/same.yaml");
        String broken = WEB.formatted(ws.marker).replace("    input:", "    inptu:");
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(web, "yaml", 1, broken)));
        Diagnostic unknown = client.awaitDiagnostics(web, found -> !found.isEmpty(), "the unknown key").getFirst();
        assertTrue(unknown.getMessage().getLeft().startsWith("unknown key 'inptu' in task 'web:build'"), unknown.getMessage().getLeft());
        assertTrue(unknown.getMessage().getLeft().contains("did you mean 'input'?"), unknown.getMessage().getLeft());
        assertEquals(new Position(5, 4), unknown.getRange().getStart());
        assertEquals(new Position(5, 9), unknown.getRange().getEnd());

        change(web, 2, WEB.formatted(ws.marker).replace("\"lib:build\"", "\"lib:biuld\""));
        Diagnostic missing = client.awaitDiagnostics(web, found -> !found.isEmpty()
                && found.getFirst().getMessage().getLeft().startsWith("missing"), "the missing dependency").getFirst();
        assertTrue(missing.getMessage().getLeft().startsWith(
                "missing dependency: task 'web:build' depends on 'lib:biuld', which does not exist"), missing.getMessage().getLeft());
        assertEquals(7, missing.getRange().getStart().getLine());

        change(web, 3, WEB.formatted(ws.marker));
        client.awaitDiagnostics(web, List::isEmpty, "fixing the text clears the diagnostics");

        List<String> dependencies = labels(complete(web, 7, 17));
        assertTrue(dependencies.containsAll(List.of("lint", "lib:build")), dependencies.toString());
        List<String> keys = labels(complete(web, 6, 4));
        assertTrue(keys.containsAll(List.of("input", "rebuild", "environment")), keys.toString());

        List<? extends Location> definition = remote.getTextDocumentService().definition(new DefinitionParams(
                new TextDocumentIdentifier(web), new Position(7, 25))).get().getLeft();
        assertEquals(uri("packages/lib/same.yaml"), definition.getFirst().getUri());
        assertEquals(3, definition.getFirst().getRange().getStart().getLine());

        // each task's state arrives as the daemon knows it: wait for both, not the first
        List<String> expected = List.of("▶ Run", "● dirty: never run", "▶ Run", "● dirty: never run");
        List<String> lenses = client.askUntil(() -> lensTitles(web), expected::equals,
                "the daemon's state of both tasks in the lenses");
        assertEquals(expected, lenses);
        Hover hover = remote.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(web),
                new Position(3, 3))).get();
        assertTrue(hover.getContents().getRight().getValue().contains("**web:build** · ● dirty: never run"),
                hover.toString());

        Object result = remote.getWorkspaceService().executeCommand(new ExecuteCommandParams("same.run",
                List.of(ws.root.toString(), "web:build"))).get();
        assertEquals("same run web:build: ✓ succeeded (3 tasks, 0 cached)", result);
        assertTrue(client.messages().contains(result), client.messages().toString());
        client.awaitProgress(all -> all.stream().filter(p -> p.getValue().getLeft() instanceof WorkDoneProgressEnd)
                .count() == 3, "a progress per task, each ended");
        client.askUntil(() -> lensTitles(web), titles -> titles.equals(List.of("▶ Run", "✓ clean", "▶ Run",
                "✓ clean")), "clean lenses after the run");
        Object state = remote.getWorkspaceService().executeCommand(new ExecuteCommandParams("same.showState",
                List.of(ws.root.toString(), "web:build"))).get();
        assertEquals("web:build: ✓ clean", state);
        Hover ran = remote.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(web),
                new Position(3, 3))).get();
        assertTrue(ran.getContents().getRight().getValue().contains("last successful run: "), ran.toString());

        Files.writeString(ws.root.resolve("packages/lib/src/a.txt"), "2\n");
        String lib = uri("packages/lib/same.yaml");
        client.askUntil(() -> lensTitles(lib), titles -> titles.equals(List.of("▶ Run", "● dirty: 1 input changed")),
                "the lib's lens after its input changed on disk");
        client.askUntil(() -> lensTitles(web), titles -> titles.get(1).startsWith("● dirty: upstream changed"),
                "the web's lens after its upstream changed");

        long first = ws.daemonPid();
        DaemonWorkspace.kill9(first);
        client.askUntil(() -> lensTitles(lib), titles -> titles.get(1).startsWith("○ "),
                "the lens saying the daemon is gone");
        change(web, 4, WEB.formatted(ws.marker).replace("    input:", "    inptu:"));
        client.awaitDiagnostics(web, found -> !found.isEmpty(), "diagnostics from the buffer meanwhile");
        change(web, 5, WEB.formatted(ws.marker));
        client.awaitDiagnostics(web, List::isEmpty, "and cleared");
        client.askUntil(() -> lensTitles(lib), titles -> titles.equals(List.of("▶ Run", "● dirty: 1 input changed")),
                "the live state again, from a new daemon");
        assertTrue(ws.daemonPid() != first, "a new daemon");
    }

    @Test
    void statesAreUnknownWhileTheConfigurationIsBrokenAndAStoppedDaemonIsNotStartedAgain() throws Exception {
        initialize();
        String lib = uri("packages/lib/same.yaml");
        String good = Files.readString(ws.root.resolve("packages/lib/same.yaml"));
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(lib, "yaml", 1, good)));
        client.askUntil(() -> lensTitles(lib), titles -> titles.equals(List.of("▶ Run", "● dirty: never run")),
                "the live state");

        Files.writeString(ws.root.resolve("packages/web/same.yaml"),
                WEB.formatted(ws.marker).replace("\"lib:build\"", "\"lib:nope\""));
        client.askUntil(() -> lensTitles(lib), titles -> titles.equals(List.of("▶ Run",
                "? unknown: configuration error in packages/web/same.yaml:8")), "unknown while the config is broken");
        Files.writeString(ws.root.resolve("packages/web/same.yaml"), WEB.formatted(ws.marker));
        client.askUntil(() -> lensTitles(lib), titles -> titles.equals(List.of("▶ Run", "● dirty: never run")),
                "the live state once it is fixed");

        long stoppedPid = ws.daemonPid();
        assertEquals(0, ws.same("daemon", "stop").exitCode());
        DaemonWorkspace.awaitGone(stoppedPid); // its lock is released when stop returns; the JVM ends a moment later
        List<String> stopped = client.askUntil(() -> lensTitles(lib), titles -> titles.get(1).startsWith("○ "),
                "the lens saying the daemon stopped");
        assertEquals("○ the daemon is stopping: daemon/stop; no live state until a daemon runs again", stopped.get(1));
        assertTrue(ws.daemonProcesses().isEmpty(), "the language server started no daemon");
        assertEquals(0, ws.same("daemon", "start").exitCode());
        client.askUntil(() -> lensTitles(lib), titles -> titles.equals(List.of("▶ Run", "● dirty: never run")),
                "the live state from the daemon someone started");
    }

    private void initialize() throws Exception {
        InitializeParams params = new InitializeParams();
        params.setProcessId((int) ProcessHandle.current().pid());
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(ws.root.toUri().toString(), "root")));
        ClientCapabilities capabilities = new ClientCapabilities();
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setCodeLens(new CodeLensWorkspaceCapabilities(true));
        capabilities.setWorkspace(workspace);
        WindowClientCapabilities window = new WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        capabilities.setWindow(window);
        capabilities.setTextDocument(new org.eclipse.lsp4j.TextDocumentClientCapabilities());
        capabilities.getTextDocument().setCodeLens(new CodeLensCapabilities(false));
        params.setCapabilities(capabilities);
        assertTrue(remote.initialize(params).get().getCapabilities().getCodeLensProvider() != null);
        remote.initialized(new InitializedParams());
    }

    private String uri(String relative) {
        return ws.root.resolve(relative).toUri().toString();
    }

    private void change(String uri, int version, String text) {
        remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    private List<CompletionItem> complete(String uri, int line, int character) throws Exception {
        return remote.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri),
                new Position(line, character))).get().getLeft();
    }

    private static List<String> labels(List<CompletionItem> items) {
        return items.stream().map(CompletionItem::getLabel).toList();
    }

    private List<String> lensTitles(String uri) {
        try {
            List<? extends CodeLens> lenses = remote.getTextDocumentService()
                    .codeLens(new CodeLensParams(new TextDocumentIdentifier(uri))).get();
            return lenses.stream().map(lens -> lens.getCommand().getTitle()).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

}
