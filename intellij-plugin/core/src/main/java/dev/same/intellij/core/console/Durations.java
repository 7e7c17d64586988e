package dev.same.intellij.core.console;

import java.util.Locale;

/** Durations as the CLI prints them: {@code 1.2s}, {@code 35ms}. */
final class Durations {
    private Durations() {
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    static String millis(long millis) {
        return millis + "ms";
    }
}
