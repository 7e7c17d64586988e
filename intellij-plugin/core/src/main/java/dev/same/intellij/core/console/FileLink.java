package dev.same.intellij.core.console;

import java.nio.file.Path;

/** A file named in the output: an absolute path, with a 1-based line and column (0: not given). */
public record FileLink(Path file, int line, int column) {
}
