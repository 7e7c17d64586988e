package dev.same.lsp;

import java.nio.file.Path;

/**
 * A configuration problem placed in a file.
 *
 * @param line   1-based; 0 when only the file is known
 * @param column 1-based; 0 when only the line is known
 */
record Problem(Path file, int line, int column, String message, boolean warning) {
}
