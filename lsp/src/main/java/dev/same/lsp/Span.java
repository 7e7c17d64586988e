package dev.same.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** A stretch of one line: 0-based line, start and end in UTF-16 units, as LSP counts them. */
record Span(int line, int start, int end) {
    boolean contains(Position position) {
        return position.getLine() == line && position.getCharacter() >= start && position.getCharacter() <= end;
    }

    Range range() {
        return new Range(new Position(line, start), new Position(line, end));
    }
}
