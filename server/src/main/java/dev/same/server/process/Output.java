package dev.same.server.process;

import java.util.List;

/** Shortens what a process printed for an error message: the last lines, each of bounded length. */
public final class Output {
    static final int MAX_LINES = 20;
    private static final int MAX_LINE = 300;

    private Output() {
    }

    /** The text on one line, cut to a readable length. */
    public static String trimmed(String text) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.isEmpty() ? "(nothing)" : flat.length() > MAX_LINE ? flat.substring(0, MAX_LINE) + "…" : flat;
    }

    /** The last {@value #MAX_LINES} non-blank lines, indented for context lines; "(nothing)" when empty. */
    public static List<String> lastLines(String text) {
        List<String> lines = (text == null ? "" : text).lines().filter(line -> !line.isBlank())
                .map(line -> line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line).toList();
        if (lines.isEmpty()) {
            return List.of("  (nothing)");
        }
        List<String> shown = lines.size() > MAX_LINES ? lines.subList(lines.size() - MAX_LINES, lines.size()) : lines;
        List<String> result = new java.util.ArrayList<>();
        if (shown.size() < lines.size()) {
            result.add("  … " + (lines.size() - shown.size()) + " earlier lines");
        }
        shown.forEach(line -> result.add("  " + line.stripTrailing()));
        return result;
    }
}
