package dev.same.intellij.core.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text with ANSI escape sequences into styled segments. SGR ({@code ESC [ … m}) changes the style, which
 * carries over to the next text (a task's colour may span lines); every other escape sequence is dropped.
 */
public final class AnsiDecoder {
    private static final char ESC = '\u001b';
    private Style style = Style.PLAIN;

    public List<Segment> decode(String text) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != ESC) {
                if (c != '\r') {
                    run.append(c);
                }
                i++;
                continue;
            }
            flush(run, segments);
            i = escape(text, i);
        }
        flush(run, segments);
        return segments;
    }

    private void flush(StringBuilder run, List<Segment> segments) {
        if (!run.isEmpty()) {
            segments.add(Segment.styled(run.toString(), style));
            run.setLength(0);
        }
    }

    /** Consumes the escape sequence at {@code start}; returns the index after it. */
    private int escape(String text, int start) {
        if (start + 1 >= text.length() || text.charAt(start + 1) != '[') {
            return Math.min(start + 2, text.length()); // a two-character escape such as ESC c
        }
        int end = start + 2;
        while (end < text.length() && (text.charAt(end) < 0x40 || text.charAt(end) > 0x7e)) {
            end++;
        }
        if (end >= text.length()) {
            return text.length();
        }
        if (text.charAt(end) == 'm') {
            apply(text.substring(start + 2, end));
        }
        return end + 1;
    }

    private void apply(String parameters) {
        String[] codes = parameters.isEmpty() ? new String[] {"0"} : parameters.split(";", -1);
        for (int i = 0; i < codes.length; i++) {
            int code = parse(codes[i]);
            if ((code == 38 || code == 48) && i + 2 < codes.length && parse(codes[i + 1]) == 5) {
                AnsiColor color = AnsiColor.ofIndex(parse(codes[i + 2]));
                style = code == 38 ? style.withForeground(color) : style.withBackground(color);
                i += 2;
            } else if ((code == 38 || code == 48) && i + 1 < codes.length && parse(codes[i + 1]) == 2) {
                i += 4; // 24-bit colour: beyond the console's palette, kept in the default colour
            } else {
                style = applyOne(code);
            }
        }
    }

    private Style applyOne(int code) {
        return switch (code) {
            case 0 -> Style.PLAIN;
            case 1 -> style.withBold(true);
            case 2 -> style.withDim(true);
            case 3 -> style.withItalic(true);
            case 4 -> style.withUnderline(true);
            case 22 -> style.withBold(false).withDim(false);
            case 23 -> style.withItalic(false);
            case 24 -> style.withUnderline(false);
            case 39 -> style.withForeground(null);
            case 49 -> style.withBackground(null);
            default -> {
                if (code >= 30 && code <= 37) {
                    yield style.withForeground(AnsiColor.ofIndex(code - 30));
                } else if (code >= 90 && code <= 97) {
                    yield style.withForeground(AnsiColor.ofIndex(code - 90 + 8));
                } else if (code >= 40 && code <= 47) {
                    yield style.withBackground(AnsiColor.ofIndex(code - 40));
                } else if (code >= 100 && code <= 107) {
                    yield style.withBackground(AnsiColor.ofIndex(code - 100 + 8));
                }
                yield style;
            }
        };
    }

    private static int parse(String code) {
        try {
            return code.isEmpty() ? 0 : Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
