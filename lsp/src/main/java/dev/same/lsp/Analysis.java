package dev.same.lsp;

import dev.same.server.config.Workspace;
import java.util.List;

/**
 * The result of validating a root with the editor's buffers.
 *
 * @param workspace the workspace as loaded now; null when the configuration is invalid
 * @param problems  errors and located warnings
 * @param fallback  when the configuration is invalid: the workspace without the edited file's tasks, if that
 *                  loads, so completion and navigation still know the other projects; else null
 */
record Analysis(Workspace workspace, List<Problem> problems, Workspace fallback) {
}
