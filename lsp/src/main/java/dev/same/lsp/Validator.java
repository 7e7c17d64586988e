package dev.same.lsp;

import dev.same.server.SameException;
import dev.same.server.config.ConfigLoader;
import dev.same.server.config.Workspace;
import dev.same.server.graph.TaskGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Validates a root as the CLI would, with the text of open documents in place of the files on disk. */
final class Validator {
    private Validator() {
    }

    /** @param edited the document being edited: where a problem that names no file is shown */
    static Analysis validate(Path root, Map<Path, String> buffers, Path edited) {
        try {
            Workspace workspace = ConfigLoader.load(root, buffers);
            TaskGraph.of(workspace); // cycles and overlapping targets
            List<Problem> warnings = workspace.warnings().stream()
                    .map(warning -> ProblemLocator.warning(warning, root))
                    .filter(Objects::nonNull)
                    .toList();
            return new Analysis(workspace, warnings);
        } catch (SameException e) {
            return new Analysis(null, ProblemLocator.locate(e, root, edited));
        } catch (RuntimeException | StackOverflowError e) {
            // a bug or a pathological document: say so where the user is typing, and keep serving
            List<Problem> problems = new ArrayList<>();
            problems.add(new Problem(edited, 0, 0, "same could not check this file: " + e, false));
            return new Analysis(null, problems);
        }
    }
}
