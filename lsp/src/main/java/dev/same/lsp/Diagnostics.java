package dev.same.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.services.LanguageClient;

/** Turns a root's problems into published diagnostics, clearing those of files that have none any more. */
final class Diagnostics {
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    private final Documents documents;

    Diagnostics(Documents documents) {
        this.documents = documents;
    }

    void publish(LanguageClient client, RootState state, Analysis analysis) {
        Map<Path, List<Diagnostic>> byFile = new HashMap<>();
        for (Problem problem : analysis.problems()) {
            byFile.computeIfAbsent(problem.file(), file -> new ArrayList<>()).add(diagnostic(problem));
        }
        documents.under(state.root()).keySet().forEach(file -> byFile.putIfAbsent(file, new ArrayList<>()));
        Set<Path> before = state.swapPublished(byFile.keySet());
        before.forEach(file -> byFile.putIfAbsent(file, new ArrayList<>()));
        byFile.forEach((file, diagnostics) ->
                client.publishDiagnostics(new PublishDiagnosticsParams(documents.uri(file), diagnostics)));
    }

    private Diagnostic diagnostic(Problem problem) {
        return new Diagnostic(range(problem), problem.message(),
                problem.warning() ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, "same");
    }

    /** The problem's place: its column to the end of the word there, else the quoted name on its line, else the line. */
    private Range range(Problem problem) {
        if (problem.line() <= 0) {
            return new Range(new Position(0, 0), new Position(0, 0));
        }
        int line = problem.line() - 1;
        String text = documents.textOrDisk(problem.file()).map(Lines::of).map(lines -> lines.get(line)).orElse("");
        if (problem.column() > 0) {
            int start = Math.min(problem.column() - 1, text.length());
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            return new Span(line, start, Math.max(end, start)).range();
        }
        Matcher quoted = QUOTED.matcher(problem.message());
        while (quoted.find()) {
            int at = text.indexOf(quoted.group(1));
            if (at >= 0) {
                return new Span(line, at, at + quoted.group(1).length()).range();
            }
        }
        int start = text.length() - text.stripLeading().length();
        return new Span(line, start, text.stripTrailing().length()).range();
    }
}
