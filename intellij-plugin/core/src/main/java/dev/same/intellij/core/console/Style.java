package dev.same.intellij.core.console;

/** How a segment of console text looks; null colours are the console's defaults. */
public record Style(AnsiColor foreground, AnsiColor background, boolean bold, boolean dim, boolean italic,
                   boolean underline) {
    public static final Style PLAIN = new Style(null, null, false, false, false, false);

    public static Style of(AnsiColor foreground) {
        return new Style(foreground, null, false, false, false, false);
    }

    Style withForeground(AnsiColor color) {
        return new Style(color, background, bold, dim, italic, underline);
    }

    Style withBackground(AnsiColor color) {
        return new Style(foreground, color, bold, dim, italic, underline);
    }

    Style withBold(boolean on) {
        return new Style(foreground, background, on, dim, italic, underline);
    }

    Style withDim(boolean on) {
        return new Style(foreground, background, bold, on, italic, underline);
    }

    Style withItalic(boolean on) {
        return new Style(foreground, background, bold, dim, on, underline);
    }

    Style withUnderline(boolean on) {
        return new Style(foreground, background, bold, dim, italic, on);
    }
}
