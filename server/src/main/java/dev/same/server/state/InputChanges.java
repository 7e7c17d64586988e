package dev.same.server.state;

import dev.same.server.hash.InputFile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The input files whose content a recomputation found changed (added, removed or with another digest), task by
 * task. A push names them besides the batch's paths: a file whose event arrives after an earlier recomputation
 * already read it, or whose event was lost, is still named once.
 */
final class InputChanges {
    private InputChanges() {
    }

    /** Over the tasks present in both (a fingerprint kept as the same object is skipped). */
    static Set<String> between(Map<String, TaskFingerprint> before, Map<String, TaskFingerprint> after) {
        Set<String> changed = new TreeSet<>();
        after.forEach((id, now) -> {
            TaskFingerprint then = before.get(id);
            if (then != null && then != now) {
                changed.addAll(InputFile.differing(then.inputs(), now.inputs()));
            }
        });
        return changed;
    }
}
