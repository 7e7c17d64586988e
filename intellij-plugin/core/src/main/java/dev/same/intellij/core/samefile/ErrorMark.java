package dev.same.intellij.core.samefile;

import dev.same.intellij.core.model.ConfigErrors;
import dev.same.intellij.core.model.WorkspaceSnapshot;
import dev.same.protocol.ConfigError;
import java.util.Optional;

/** The configuration error to show in a file: its 0-based line (the first when the daemon gave none) and message. */
public record ErrorMark(int line, String message) {

    /** The columns to underline on the error's line: from its first non-blank character to its end (the start if blank). */
    public static int[] columns(String lineText) {
        int start = lineText.length() - lineText.stripLeading().length();
        int end = lineText.stripTrailing().length();
        return end <= start ? new int[] {0, lineText.length()} : new int[] {start, end};
    }

    /** The daemon's configuration error, if it is in {@code file} (relative to the root). */
    public static Optional<ErrorMark> in(String file, WorkspaceSnapshot snapshot) {
        ConfigError error = snapshot.configError();
        if (error == null || error.file() == null || !error.file().equals(file)) {
            return Optional.empty();
        }
        return Optional.of(new ErrorMark(Math.max(0, error.line() - 1), ConfigErrors.describe(error)));
    }
}
