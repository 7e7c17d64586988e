package dev.same.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLensWorkspaceCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server in this JVM ({@link LspMain#serve}) behind two pipes, with lsp4j's client at the other
 * end. Its daemon dialer always fails, as for a workspace whose daemon cannot start.
 */
final class InProcessLsp implements AutoCloseable {
    static final DaemonDialer NO_DAEMON = (root, pushes, spawn) -> {
        throw new IOException("the daemon exited at start (status 1): no java here");
    };

    final RecordingClient client = new RecordingClient();
    final LanguageServer server;
    final CompletableFuture<Integer> exit;
    private final OutputStream toServer;

    InProcessLsp() {
        this(NO_DAEMON);
    }

    InProcessLsp(DaemonDialer dialer) {
        try {
            Pipe requests = Pipe.open();
            Pipe answers = Pipe.open();
            InputStream serverIn = Channels.newInputStream(requests.source());
            OutputStream serverOut = Channels.newOutputStream(answers.sink());
            exit = CompletableFuture.supplyAsync(() -> LspMain.serve(serverIn, serverOut, dialer),
                    command -> Thread.startVirtualThread(command));
            toServer = Channels.newOutputStream(requests.sink());
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client,
                    Channels.newInputStream(answers.source()), toServer);
            launcher.startListening();
            server = launcher.getRemoteProxy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes straight onto the server's input, around the client's framing. */
    void raw(String bytes) throws IOException {
        synchronized (toServer) {
            toServer.write(bytes.getBytes(StandardCharsets.UTF_8));
            toServer.flush();
        }
    }

    InProcessLsp initialize(Path folder) throws Exception {
        InitializeParams params = new InitializeParams();
        if (folder != null) {
            params.setWorkspaceFolders(List.of(new WorkspaceFolder(folder.toUri().toString(), "root")));
        }
        ClientCapabilities capabilities = new ClientCapabilities();
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setCodeLens(new CodeLensWorkspaceCapabilities(true));
        capabilities.setWorkspace(workspace);
        params.setCapabilities(capabilities);
        server.initialize(params).get();
        return this;
    }

    String open(Path file) throws IOException {
        return open(file, Files.readString(file));
    }

    String open(Path file, String text) {
        String uri = file.toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1,
                text)));
        return uri;
    }

    void change(String uri, int version, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        server.shutdown().get(30, java.util.concurrent.TimeUnit.SECONDS);
        server.exit();
        toServer.close(); // as an editor does after exit: the server also ends at the end of its input
        exit.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
}
