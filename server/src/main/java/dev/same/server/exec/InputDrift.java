package dev.same.server.exec;

import dev.same.server.hash.InputFile;
import java.util.List;

/** Which input files of a task changed between two resolutions, as a task's run reports them. */
final class InputDrift {
    private static final int NAMED = 3;

    private InputDrift() {
    }

    /** The paths added, removed or changed, outside {@code ignoredTargets}, sorted. */
    static List<String> between(List<InputFile> before, List<InputFile> after, List<String> ignoredTargets) {
        return InputFile.differing(before, after).stream()
                .filter(path -> ignoredTargets.stream().noneMatch(t -> path.equals(t) || path.startsWith(t + "/")))
                .toList();
    }

    /** A few of the paths, and how many more. */
    static String describe(List<String> paths) {
        String named = String.join(", ", paths.subList(0, Math.min(NAMED, paths.size())));
        return paths.size() > NAMED ? named + " and " + (paths.size() - NAMED) + " more" : named;
    }
}
