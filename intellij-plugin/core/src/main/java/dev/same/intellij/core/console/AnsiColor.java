package dev.same.intellij.core.console;

/** The 16 colours of ANSI SGR 30–37 / 90–97 (and 40–47 / 100–107 for backgrounds). */
public enum AnsiColor {
    BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE,
    BRIGHT_BLACK, BRIGHT_RED, BRIGHT_GREEN, BRIGHT_YELLOW, BRIGHT_BLUE, BRIGHT_MAGENTA, BRIGHT_CYAN, BRIGHT_WHITE;

    /** The colour of index 0–15 (the 256-colour palette's first sixteen), null beyond. */
    static AnsiColor ofIndex(int index) {
        return index >= 0 && index < 16 ? values()[index] : null;
    }
}
