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

    /** The text of a line without its indentation and trailing blanks; the whole line if it is blank. */
    static Span trimmedLine(String text, int line) {
        String content = Lines.of(text).get(line);
        int start = content.length() - content.stripLeading().length();
        int end = content.stripTrailing().length();
        return end > start ? new Span(line, start, end) : new Span(line, 0, content.length());
    }
}
