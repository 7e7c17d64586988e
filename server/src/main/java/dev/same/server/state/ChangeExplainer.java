package dev.same.server.state;

import dev.same.server.exec.TaskFingerprint;
import dev.same.protocol.Change;
import dev.same.server.cache.ActionRecord;
import dev.same.server.hash.InputFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Compares a task's current fingerprint with its last successful run: which files, upstream tasks, variables. */
public final class ChangeExplainer {
    private ChangeExplainer() {
    }

    public static List<Change> explain(TaskFingerprint now, ActionRecord previous) {
        List<Change> changes = new ArrayList<>();
        if (!now.known()) {
            changes.add(new Change("UNKNOWN", null, now.problem()));
            return changes;
        }
        if (previous == null) {
            changes.add(new Change("NEVER_RUN", null, "never run"));
            return changes;
        }
        if (previous.hash().equals(now.hash())) {
            return changes;
        }
        files(previous.inputs(), now.inputs(), changes);
        upstream(previous.dependencyHashes(), now.dependencyHashes(), changes);
        environment(previous.environment(), now.environment(), changes);
        if (changes.isEmpty()) {
            changes.add(new Change("DEFINITION_CHANGED", null, "task definition changed"));
        }
        return changes;
    }

    /** The changes as short lines, at most {@code limit} (then "and N more"). */
    public static List<String> summarize(List<Change> changes, int limit) {
        List<String> lines = new ArrayList<>();
        for (Change change : changes) {
            if (lines.size() == limit) {
                lines.add("and " + (changes.size() - limit) + " more");
                break;
            }
            lines.add(change.detail());
        }
        return lines;
    }

    private static void files(List<InputFile> before, List<InputFile> after, List<Change> changes) {
        Map<String, String> old = digestsByPath(before);
        Map<String, String> current = digestsByPath(after);
        TreeSet<String> paths = new TreeSet<>(old.keySet());
        paths.addAll(current.keySet());
        for (String path : paths) {
            String was = old.get(path);
            String is = current.get(path);
            if (was == null) {
                changes.add(new Change("FILE_ADDED", path, "input added: " + path));
            } else if (is == null) {
                changes.add(new Change("FILE_REMOVED", path, "input removed: " + path));
            } else if (!was.equals(is)) {
                changes.add(new Change("FILE_CHANGED", path, "input changed: " + path));
            }
        }
    }

    private static void upstream(SortedMap<String, String> before, SortedMap<String, String> after,
                                 List<Change> changes) {
        TreeSet<String> tasks = new TreeSet<>(before.keySet());
        tasks.addAll(after.keySet());
        for (String task : tasks) {
            if (!Objects.equals(before.get(task), after.get(task))) {
                changes.add(new Change("UPSTREAM_CHANGED", task, "upstream changed: " + task));
            }
        }
    }

    private static void environment(SortedMap<String, String> before, SortedMap<String, String> after,
                                    List<Change> changes) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                String detail = switch (name) {
                    case TaskFingerprint.TOOLS_KEY -> "tool environment changed";
                    case TaskFingerprint.PLATFORM_KEY -> "platform changed: " + platformName(before.get(name))
                            + " → " + platformName(after.get(name));
                    default -> "environment variable changed: " + name;
                };
                changes.add(new Change("ENVIRONMENT_CHANGED", name, detail));
            }
        }
    }

    private static String platformName(String platform) {
        return platform == null ? "any (portable)" : platform;
    }

    private static Map<String, String> digestsByPath(List<InputFile> files) {
        Map<String, String> byPath = new TreeMap<>();
        files.forEach(f -> byPath.put(f.path(), f.digest()));
        return byPath;
    }
}
