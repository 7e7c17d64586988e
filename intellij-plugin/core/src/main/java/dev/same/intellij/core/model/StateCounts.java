package dev.same.intellij.core.model;

import dev.same.protocol.TaskState;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** How many tasks are in each state. */
public record StateCounts(Map<TaskState, Integer> byState) {

    public static StateCounts of(Collection<TaskView> tasks) {
        Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
        for (TaskState state : TaskState.values()) {
            counts.put(state, 0);
        }
        tasks.forEach(task -> counts.merge(task.state(), 1, Integer::sum));
        return new StateCounts(Map.copyOf(counts));
    }

    public int of(TaskState state) {
        return byState.getOrDefault(state, 0);
    }
}
