package dev.same.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input an editor should not send, or files same cannot read: a clear answer each time, and the server goes on. */
class BadInputTest {
    private static final String VALID = "tasks:\n  build:\n    cmd: [make]\n";

    @TempDir
    Path temp;
    Path root;
    InProcessLsp lsp;

    @BeforeEach
    void start() throws Exception {
        root = temp.toRealPath();
        lsp = new InProcessLsp();
    }

    @AfterEach
    void stop() throws Exception {
        lsp.close();
    }

    /** A standalone project outside any workspace folder still works: the proof that the server is alive. */
    private void stillServes() throws Exception {
        Path other = root.resolve("other/same.yaml");
        InProcessLsp.write(other, VALID);
        String uri = lsp.open(other);
        lsp.client.awaitDiagnostics(uri, List::isEmpty, "a valid standalone file");
        lsp.change(uri, 2, VALID.replace("cmd", "cmdd"));
        Diagnostic unknown = lsp.client.awaitDiagnostics(uri, found -> !found.isEmpty(), "its error").getFirst();
        assertTrue(unknown.getMessage().getLeft().startsWith("unknown key 'cmdd' in task 'build'"),
                unknown.getMessage().getLeft());
    }

    @Test
    void garbageAndRequestsBeforeInitializeDoNotStopTheServer() throws Exception {
        frame("{garbage}");
        frame("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":1234}");
        frame("[1, 2, 3]");
        assertTrue(lsp.server.getTextDocumentService().completion(new CompletionParams(
                new TextDocumentIdentifier(root.resolve("nowhere/same.yaml").toUri().toString()), new Position(0, 0)))
                .get().getLeft().stream().anyMatch(item -> item.getLabel().equals("tasks")));
        lsp.change(root.resolve("never-opened/same.yaml").toUri().toString(), 5, "tasks: {}\n");
        lsp.initialize(null);
        stillServes();
    }

    @Test
    void aFileThatIsNotYaml() throws Exception {
        Path binary = root.resolve("bin/same.yaml");
        InProcessLsp.write(binary, "\u0000\u0001PK\u0003\u0004 {[: : ]\"\n\t\u00ff");
        String uri = lsp.open(binary);
        Diagnostic error = lsp.client.awaitDiagnostics(uri, found -> !found.isEmpty(), "an error").getFirst();
        assertTrue(error.getMessage().getLeft().contains("invalid YAML: "), error.getMessage().getLeft());
        assertTrue(error.getMessage().getLeft().startsWith("failed to parse config file"), error.getMessage().getLeft());
        stillServes();
    }

    @Test
    void aFiveMegabyteFile() throws Exception {
        StringBuilder text = new StringBuilder("tasks:\n");
        for (int i = 0; text.length() < 5 * 1024 * 1024; i++) {
            text.append("  task").append(i).append(":\n    cmd: [echo, ").append("x".repeat(60)).append("]\n");
        }
        String uri = lsp.open(root.resolve("big/same.yaml"), text.toString());
        List<Diagnostic> found = lsp.client.awaitDiagnostics(uri, list -> true, "an answer for the big file");
        assertTrue(found.isEmpty() || found.getFirst().getMessage().getLeft().contains("same.yaml"), found.toString());
        stillServes();
    }

    @Test
    void aWorkspaceWhoseDaemonCannotStart() throws Exception {
        Path file = root.resolve("p/same.yaml");
        InProcessLsp.write(file, VALID);
        String uri = lsp.initialize(null).open(file);
        List<String> lenses = lsp.client.askUntil(() -> titles(uri), titles -> titles.size() == 2
                && titles.get(1).startsWith("○ the daemon is unavailable"), "the lens saying why");
        assertEquals("○ the daemon is unavailable: the daemon exited at start (status 1): no java here", lenses.get(1));
        ExecutionException run = assertThrows(ExecutionException.class, () -> lsp.server.getWorkspaceService()
                .executeCommand(new ExecuteCommandParams("same.run", List.of(root.resolve("p").toString(), "build")))
                .get());
        ResponseErrorException error = (ResponseErrorException) run.getCause();
        assertTrue(error.getMessage().startsWith("cannot run build: the daemon is unavailable"), error.getMessage());
        stillServes();
    }

    private void frame(String json) throws Exception {
        lsp.raw("Content-Length: " + json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + json);
    }

    private List<String> titles(String uri) {
        try {
            return lsp.server.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(uri)))
                    .get().stream().map(CodeLens::getCommand).map(command -> command.getTitle()).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
