package dev.same.intellij.core.console;

/** A run of console text in one style; {@code link} is non-null when the text names a file. */
public record Segment(String text, Style style, FileLink link) {

    public static Segment plain(String text) {
        return new Segment(text, Style.PLAIN, null);
    }

    public static Segment styled(String text, Style style) {
        return new Segment(text, style, null);
    }
}
