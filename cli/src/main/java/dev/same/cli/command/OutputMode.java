package dev.same.cli.command;

import java.util.Locale;
import java.util.Optional;

/** How {@code same run} shows a run: auto picks tui on an interactive terminal outside CI, linear otherwise. */
public enum OutputMode {
    auto, tui, linear;

    /** The mode {@code -o NAME} names; {@code ci} is linear, as in the original. Empty for a name it does not know. */
    public static Optional<OutputMode> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("ci")) {
            return Optional.of(linear);
        }
        for (OutputMode mode : values()) {
            if (mode.name().equals(lower)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
