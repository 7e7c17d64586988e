package dev.same.lsp;

import dev.same.server.config.TaskDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** The projects and tasks of a file (document symbols) and every task of every root (workspace symbols). */
final class Symbols {
    private Symbols() {
    }

    static List<DocumentSymbol> document(ConfigOutline outline, String project) {
        List<DocumentSymbol> tasks = new ArrayList<>();
        for (ConfigOutline.TaskEntry task : outline.tasks()) {
            var range = task.name().span().range();
            tasks.add(new DocumentSymbol(task.name().text(), SymbolKind.Function, range, range,
                    Located.id(project, task.name().text())));
        }
        if (outline.project() == null) {
            return tasks;
        }
        var range = outline.project().span().range();
        DocumentSymbol symbol = new DocumentSymbol(outline.project().text(), SymbolKind.Module, range, range,
                "project");
        symbol.setChildren(tasks);
        return List.of(symbol);
    }

    static List<WorkspaceSymbol> workspace(Iterable<RootState> roots, String query, Function<Path, ConfigOutline> outlines,
                                           Function<Path, String> uris) {
        String wanted = query == null ? "" : query.toLowerCase(Locale.ROOT);
        List<WorkspaceSymbol> symbols = new ArrayList<>();
        for (RootState state : roots) {
            for (TaskDef task : state.workspace().map(ws -> ws.tasks().values()).orElse(List.of())) {
                if (!task.id().toLowerCase(Locale.ROOT).contains(wanted)) {
                    continue;
                }
                Path file = task.location().file();
                var range = outlines.apply(file).task(task.name()).map(entry -> entry.name().span().range())
                        .orElse(new Span(Math.max(0, task.location().line() - 1), 0, 0).range());
                symbols.add(new WorkspaceSymbol(task.id(), SymbolKind.Function,
                        Either.forLeft(new Location(uris.apply(file), range)), task.project()));
            }
        }
        return symbols;
    }
}
