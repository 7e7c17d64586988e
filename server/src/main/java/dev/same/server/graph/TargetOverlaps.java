package dev.same.server.graph;

import dev.same.server.SameException;
import dev.same.server.config.TaskDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Checks that no two tasks write the same outputs, and tells each task which targets of other tasks lie inside its
 * own. Two tasks may not declare the same target, and a target may lie inside another task's target only when one
 * of the two depends on the other: then they never run at once, and each records only its own files (the outer
 * task's record leaves the inner target out), so restoring one never writes back the other's old files.
 */
final class TargetOverlaps {
    private TargetOverlaps() {
    }

    /**
     * @param dependsOn whether the first task depends on the second, directly or not
     * @param where     where a task is written, for messages
     * @return for each task with a target that holds another task's target, those inner targets
     */
    static Map<String, List<String>> check(Iterable<TaskDef> tasks, BiPredicate<String, String> dependsOn,
                                           Function<TaskDef, String> where) {
        NavigableMap<String, List<TaskDef>> byTarget = new TreeMap<>();
        for (TaskDef task : tasks) {
            for (String target : task.targets()) {
                byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(task);
            }
        }
        Map<String, List<String>> nested = new HashMap<>();
        byTarget.forEach((target, owners) -> {
            if (owners.size() > 1) {
                throw overlap(owners.get(0), owners.get(1), target, where,
                        "two tasks must not declare the same target: give each its own");
            }
            TaskDef outer = owners.getFirst();
            // targets below this one: "target/..." sorts from "target/" up to "target0" ('0' follows '/')
            byTarget.subMap(target + "/", target + "0").forEach((inner, innerOwners) -> {
                TaskDef task = innerOwners.getFirst();
                if (task.id().equals(outer.id())) {
                    return;
                }
                if (!dependsOn.test(task.id(), outer.id()) && !dependsOn.test(outer.id(), task.id())) {
                    throw overlap(outer, task, inner, where, "a target may lie inside another task's target only when "
                            + "one of the two depends on the other: make one depend on the other, or move the target");
                }
                nested.computeIfAbsent(outer.id(), id -> new ArrayList<>()).add(inner);
            });
        });
        return nested;
    }

    private static SameException overlap(TaskDef first, TaskDef second, String path, Function<TaskDef, String> where,
                                         String remedy) {
        return new SameException("overlapping targets: tasks '" + first.id() + "' and '" + second.id()
                + "' both write '" + path + "'",
                List.of(first.id() + " at " + where.apply(first), second.id() + " at " + where.apply(second), remedy));
    }
}
