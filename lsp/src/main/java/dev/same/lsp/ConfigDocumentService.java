package dev.same.lsp;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/** Keeps the open buffers and answers questions about same.yaml and same.work.yaml documents. */
final class ConfigDocumentService implements TextDocumentService {
    private final Session session;
    private final Navigation navigation;

    ConfigDocumentService(Session session) {
        this.session = session;
        this.navigation = new Navigation(session::outline, file -> session.documents().uri(file));
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        String text = params.getTextDocument().getText();
        session.later(() -> edited(uri, text));
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        var changes = params.getContentChanges();
        if (changes.isEmpty()) {
            return;
        }
        // the server asks for full-text sync, so the last change is the whole document
        String text = changes.getLast().getText();
        session.later(() -> edited(uri, text));
    }

    private void edited(String uri, String text) {
        Path file = Documents.path(uri);
        if (!ConfigFiles.isConfig(file)) {
            return;
        }
        session.documents().open(uri, text);
        session.validate(file);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        session.later(() -> {
            Path file = Documents.path(uri);
            if (ConfigFiles.isConfig(file)) {
                session.documents().close(uri);
                session.validate(file);
            }
        });
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        var position = params.getPosition();
        return session.about(params.getTextDocument().getUri(), Either.forLeft(List.of()), target ->
                Either.forLeft(Completions.at(target.state(), target.file(), target.text(), position.getLine(),
                        position.getCharacter())));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return session.about(params.getTextDocument().getUri(), null, target ->
                Hovers.at(target.state(), target.outline(), target.project(), params.getPosition()).orElse(null));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return session.about(params.getTextDocument().getUri(), Either.forLeft(List.of()), target ->
                Either.forLeft(navigation.definition(target.state(), target.outline(), target.project(),
                        params.getPosition())));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean declaration = params.getContext() != null && params.getContext().isIncludeDeclaration();
        return session.about(params.getTextDocument().getUri(), List.of(), target ->
                navigation.references(target.state(), target.outline(), target.project(), params.getPosition(),
                        declaration));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return session.about(params.getTextDocument().getUri(), List.of(), target ->
                Symbols.document(target.outline(), target.project()).stream()
                        .map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return session.about(params.getTextDocument().getUri(), List.of(), target ->
                Lenses.of(target.state(), target.outline(), target.project()));
    }
}
