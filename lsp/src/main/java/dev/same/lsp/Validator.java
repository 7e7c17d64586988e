package dev.same.lsp;

import dev.same.server.SameException;
import dev.same.server.config.ConfigLoader;
import dev.same.server.config.Workspace;
import dev.same.server.config.YamlTrees;
import dev.same.server.graph.TaskGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validates a root as the CLI would, with the text of open documents in place of the files on disk. */
final class Validator {
    private static final Pattern PROJECT = Pattern.compile("(?m)^project:[ \t]*[\"']?([A-Za-z0-9_-]+)");
    /**
     * Every keystroke validates the whole workspace: the trees of the files on disk are taken from here rather than
     * parsed again (by their text, so never stale, whichever root they belong to); the unsaved documents are parsed
     * each time, and not kept.
     */
    private static final YamlTrees TREES = new YamlTrees();

    private Validator() {
    }

    /** @param edited the document being edited: where a problem that names no file is shown */
    static Analysis validate(Path root, Map<Path, String> buffers, Path edited) {
        try {
            Workspace workspace = ConfigLoader.load(root, buffers, TREES);
            TaskGraph.of(workspace); // cycles and overlapping targets
            List<Problem> warnings = workspace.warnings().stream()
                    .map(warning -> ProblemLocator.warning(warning, root))
                    .filter(Objects::nonNull)
                    .toList();
            return new Analysis(workspace, warnings, null);
        } catch (SameException e) {
            return new Analysis(null, ProblemLocator.locate(e, root, edited), fallback(root, buffers, edited));
        } catch (RuntimeException | StackOverflowError e) {
            // a bug or a pathological document: say so where the user is typing, and keep serving
            List<Problem> problems = new ArrayList<>();
            problems.add(new Problem(edited, 0, 0, "same could not check this file: " + e, false));
            return new Analysis(null, problems, null);
        }
    }

    /** The workspace with the edited project file reduced to its name: the other projects, if they are valid. */
    private static Workspace fallback(Path root, Map<Path, String> buffers, Path edited) {
        if (ConfigFiles.isWorkfile(edited)) {
            return null;
        }
        Map<Path, String> reduced = new HashMap<>(buffers);
        Matcher name = PROJECT.matcher(buffers.getOrDefault(edited, ""));
        reduced.put(edited, name.find() ? "project: " + name.group(1) + "\n" : "");
        try {
            return ConfigLoader.load(root, reduced, TREES);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
