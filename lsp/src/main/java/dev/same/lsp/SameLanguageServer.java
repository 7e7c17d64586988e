package dev.same.lsp;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** {@code same lsp}: the language server of same.yaml and same.work.yaml. */
public final class SameLanguageServer implements LanguageServer, LanguageClientAware {
    private final Session session;
    private final ConfigDocumentService documents;
    private final SameWorkspaceService workspace;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private volatile boolean shutdown;

    public SameLanguageServer(DaemonDialer dialer) {
        this.session = new Session(dialer);
        this.documents = new ConfigDocumentService(session);
        this.workspace = new SameWorkspaceService(session);
    }

    @Override
    public void connect(LanguageClient client) {
        session.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ClientCapabilities client = Optional.ofNullable(params.getCapabilities()).orElseGet(ClientCapabilities::new);
        session.lensRefresh(Optional.ofNullable(client.getWorkspace()).map(w -> w.getCodeLens())
                .map(lens -> Boolean.TRUE.equals(lens.getRefreshSupport())).orElse(false));
        workspace.progress(Optional.ofNullable(client.getWindow())
                .map(window -> Boolean.TRUE.equals(window.getWorkDoneProgress())).orElse(false));
        List<WorkspaceFolder> folders = Optional.ofNullable(params.getWorkspaceFolders()).orElse(List.of());
        // every folder's tasks answer workspace symbols before any of its files is opened
        folders.forEach(folder -> session.later(() -> {
            Path dir = Documents.path(folder.getUri());
            for (String name : List.of(dev.same.protocol.client.ConfigFileNames.WORKFILE,
                    dev.same.protocol.client.ConfigFileNames.SAMEFILE)) {
                if (dir.resolve(name).toFile().isFile()) {
                    session.validate(dir.resolve(name));
                    return;
                }
            }
        }));
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(TextDocumentSyncKind.Full);
        capabilities.setCompletionProvider(new CompletionOptions(false, List.of(":", " ", "[", ",", "-")));
        capabilities.setHoverProvider(true);
        capabilities.setDefinitionProvider(true);
        capabilities.setReferencesProvider(true);
        capabilities.setDocumentSymbolProvider(true);
        capabilities.setWorkspaceSymbolProvider(true);
        capabilities.setCodeLensProvider(new CodeLensOptions(false));
        capabilities.setExecuteCommandProvider(new ExecuteCommandOptions(Lenses.COMMANDS));
        return CompletableFuture.completedFuture(new InitializeResult(capabilities,
                new ServerInfo("same", SameLanguageServer.class.getPackage().getImplementationVersion())));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        session.close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exited.complete(shutdown ? 0 : 1);
    }

    /** Completes with the exit status the protocol asks for: 0 after a shutdown request, else 1. */
    CompletableFuture<Integer> exited() {
        return exited;
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }
}
