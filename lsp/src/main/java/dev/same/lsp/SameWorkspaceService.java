package dev.same.lsp;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Workspace symbols (every task), the Run command, and config files changed outside the editor. */
final class SameWorkspaceService implements WorkspaceService {
    private final Session session;
    private volatile TaskRuns runs;

    SameWorkspaceService(Session session) {
        this.session = session;
    }

    void progress(boolean supported) {
        runs = new TaskRuns(session.client(), supported, System.getenv());
    }

    @Override
    public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
            WorkspaceSymbolParams params) {
        return session.ask(() -> Either.forRight(Symbols.workspace(session.workspaces().all(), params.getQuery(),
                session::outline, file -> session.documents().uri(file))));
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        List<Object> arguments = params.getArguments() == null ? List.of() : params.getArguments();
        if (!Lenses.COMMANDS.contains(params.getCommand()) || arguments.size() != 2) {
            return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                    ResponseErrorCode.InvalidParams, "unknown command or arguments: " + params.getCommand()
                    + " " + arguments + "; expected one of " + Lenses.COMMANDS + " with [root, task]", null)));
        }
        Path root = Path.of(text(arguments.get(0)));
        String task = text(arguments.get(1));
        CompletableFuture<RootState> state = session.ask(() -> session.workspaces().of(root));
        if (Lenses.SHOW_STATE.equals(params.getCommand())) {
            return state.thenApply(found -> showState(found, task));
        }
        return state.thenCompose(found -> runs.run(found, task));
    }

    /** The state lens, clicked: the task's state and every reason, in a message. */
    private Object showState(RootState state, String task) {
        String text = state.live().state(task)
                .map(info -> task + ": " + StateText.lens(info) + info.reasons().stream()
                        .map(reason -> "\n- " + reason).collect(java.util.stream.Collectors.joining()))
                .orElseGet(() -> task + ": " + state.live().unavailable().orElse("no live state yet"));
        session.client().showMessage(new org.eclipse.lsp4j.MessageParams(org.eclipse.lsp4j.MessageType.Info, text));
        return text;
    }

    /** An argument as the client sent it: lsp4j hands over JSON strings as Gson primitives. */
    private static String text(Object argument) {
        return argument instanceof com.google.gson.JsonPrimitive primitive ? primitive.getAsString()
                : String.valueOf(argument);
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        params.getChanges().forEach(change -> {
            Path file = Documents.path(change.getUri());
            if (ConfigFiles.isConfig(file)) {
                session.later(() -> session.validate(file));
            }
        });
    }
}
