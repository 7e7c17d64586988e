package dev.same.intellij.core.model;

import dev.same.protocol.ConfigError;
import dev.same.protocol.GraphResult;
import dev.same.protocol.Health;
import dev.same.protocol.ProjectInfo;
import dev.same.protocol.TaskInfo;
import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatusInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the plugin knows of the workspace at one moment, immutable: the graph (null before the first one
 * arrived), each task's status, the tasks a run of this IDE is running, the configuration error and the
 * daemon's health (null when fine).
 */
public record WorkspaceSnapshot(GraphResult graph, Map<String, TaskStatusInfo> statuses, Set<String> runningHere,
                                long epoch, ConfigError configError, Health health) {
    public static final WorkspaceSnapshot EMPTY = new WorkspaceSnapshot(null, Map.of(), Set.of(), -1, null, null);

    public boolean hasGraph() {
        return graph != null;
    }

    public List<TaskView> tasks() {
        if (graph == null) {
            return List.of();
        }
        return graph.tasks().stream().map(this::view).toList();
    }

    public Optional<TaskView> task(String id) {
        if (graph == null) {
            return Optional.empty();
        }
        return graph.tasks().stream().filter(task -> task.id().equals(id)).findFirst().map(this::view);
    }

    /** Projects by name, each with its tasks by name: the tool window's tree. */
    public List<ProjectNode> projects() {
        if (graph == null) {
            return List.of();
        }
        Map<String, List<TaskView>> byProject = new HashMap<>();
        for (TaskInfo info : graph.tasks()) {
            byProject.computeIfAbsent(info.project() == null ? "" : info.project(), p -> new ArrayList<>())
                    .add(view(info));
        }
        Map<String, ProjectInfo> projects = new LinkedHashMap<>();
        graph.projects().forEach(project -> projects.put(project.name() == null ? "" : project.name(), project));
        byProject.keySet().forEach(name -> projects.putIfAbsent(name, new ProjectInfo(name, ".", null)));
        return projects.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new ProjectNode(entry.getValue(), byProject.getOrDefault(entry.getKey(), List.of())
                        .stream().sorted(Comparator.comparing(TaskView::name)).toList()))
                .toList();
    }

    /** Every task's view by id, for lookups of many tasks at once. */
    public Map<String, TaskView> tasksById() {
        Map<String, TaskView> byId = new HashMap<>();
        tasks().forEach(task -> byId.put(task.id(), task));
        return byId;
    }

    /** The directory of a task's project under {@code root}, where paths in its output are resolved first; null if unknown. */
    public java.nio.file.Path taskDirectory(java.nio.file.Path root, String taskId) {
        if (graph == null) {
            return null;
        }
        return graph.tasks().stream().filter(task -> task.id().equals(taskId)).findFirst()
                .flatMap(task -> graph.projects().stream().filter(p -> p.name() != null && p.name().equals(task.project()))
                        .findFirst())
                .map(project -> root.resolve(project.dir()).normalize())
                .orElse(null);
    }

    public StateCounts counts() {
        return StateCounts.of(tasks());
    }

    private TaskView view(TaskInfo info) {
        if (runningHere.contains(info.id())) {
            return new TaskView(info, TaskState.RUNNING, List.of("running"));
        }
        TaskStatusInfo status = statuses.get(info.id());
        if (status == null) {
            return new TaskView(info, TaskState.UNKNOWN, List.of("no status from the daemon yet"));
        }
        return new TaskView(info, status.state() == null ? TaskState.UNKNOWN : status.state(),
                status.reasons() == null ? List.of() : status.reasons());
    }
}
