package dev.same.server.graph;

import dev.same.server.SameException;
import dev.same.server.config.SourceLocation;
import dev.same.server.config.TaskDef;
import dev.same.server.config.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The task graph of a workspace: a deterministic topological order (dependencies first, independent tasks
 * alphabetical), dependents, and closures. Immutable; building it rejects cycles, missing dependencies and
 * overlapping targets ({@link TargetOverlaps}).
 */
public final class TaskGraph {
    private final SortedMap<String, TaskDef> tasks;
    private final List<String> order;
    private final Map<String, Integer> position;
    private final Map<String, SortedSet<String>> dependents;
    private final Map<String, List<String>> nestedTargets;

    private TaskGraph(SortedMap<String, TaskDef> tasks, List<String> order, Map<String, SortedSet<String>> dependents,
                      Map<String, List<String>> nestedTargets) {
        this.tasks = tasks;
        this.order = List.copyOf(order);
        this.dependents = dependents;
        this.nestedTargets = nestedTargets;
        this.position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
    }

    public static TaskGraph of(Workspace workspace) {
        return of(workspace.tasks(), workspace.root());
    }

    public static TaskGraph of(SortedMap<String, TaskDef> tasks) {
        return of(tasks, null);
    }

    /** @param root where config files are named from in messages; null to name them as the tasks do */
    private static TaskGraph of(SortedMap<String, TaskDef> tasks, Path root) {
        Map<String, SortedSet<String>> dependents = new HashMap<>();
        Map<String, Integer> missing = new HashMap<>();
        for (TaskDef task : tasks.values()) {
            dependents.putIfAbsent(task.id(), new TreeSet<>());
            for (String dep : task.dependsOn()) {
                if (!tasks.containsKey(dep)) {
                    throw new SameException("missing dependency: task '" + task.id() + "' depends on '" + dep
                            + "', which does not exist");
                }
                dependents.computeIfAbsent(dep, k -> new TreeSet<>()).add(task.id());
            }
            missing.put(task.id(), task.dependsOn().size());
        }
        PriorityQueue<String> ready = new PriorityQueue<>();
        missing.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        List<String> order = new ArrayList<>(tasks.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String dependent : dependents.get(id)) {
                if (missing.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() < tasks.size()) {
            List<String> cycle = findCycle(tasks, order);
            List<String> context = new ArrayList<>();
            for (String id : cycle.subList(0, cycle.size() - 1)) {
                context.add(id + " at " + where(tasks.get(id).location(), root));
            }
            context.add("remove one of these dependencies to break the cycle");
            throw new SameException("cycle detected: " + String.join(" -> ", cycle), context);
        }
        dependents.replaceAll((k, v) -> java.util.Collections.unmodifiableSortedSet(v));
        Map<String, List<String>> nested = TargetOverlaps.check(tasks.values(),
                (task, dependency) -> dependsOn(tasks, task, dependency), task -> where(task.location(), root));
        return new TaskGraph(tasks, order, dependents, nested);
    }

    /** Whether {@code task} depends on {@code dependency}, directly or through other tasks. */
    private static boolean dependsOn(SortedMap<String, TaskDef> tasks, String task, String dependency) {
        Set<String> seen = new HashSet<>();
        ArrayList<String> stack = new ArrayList<>(tasks.get(task).dependsOn());
        while (!stack.isEmpty()) {
            String id = stack.removeLast();
            if (id.equals(dependency)) {
                return true;
            }
            if (seen.add(id)) {
                stack.addAll(tasks.get(id).dependsOn());
            }
        }
        return false;
    }

    private static String where(SourceLocation location, Path root) {
        Path file = location.file();
        String name = (root != null && file.isAbsolute() && file.startsWith(root) ? root.relativize(file) : file)
                .toString();
        return location.line() > 0 ? name + ":" + location.line() : name;
    }

    /** A cycle among the tasks not placed in the order, as a path that ends where it starts. */
    private static List<String> findCycle(SortedMap<String, TaskDef> tasks, List<String> placed) {
        Set<String> done = new HashSet<>(placed);
        for (String start : tasks.keySet()) {
            if (done.contains(start)) {
                continue;
            }
            List<String> path = new ArrayList<>();
            Set<String> onPath = new LinkedHashSet<>();
            String current = start;
            // every unplaced task has an unplaced dependency, so this walk must revisit a task
            while (onPath.add(current)) {
                path.add(current);
                current = tasks.get(current).dependsOn().stream().filter(d -> !done.contains(d)).findFirst()
                        .orElseThrow();
            }
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
            cycle.add(current);
            return cycle;
        }
        throw new IllegalStateException("no cycle among unplaced tasks");
    }

    public TaskDef task(String id) {
        TaskDef task = tasks.get(id);
        if (task == null) {
            throw new IllegalArgumentException("no task " + id);
        }
        return task;
    }

    public boolean contains(String id) {
        return tasks.containsKey(id);
    }

    public SortedMap<String, TaskDef> tasks() {
        return tasks;
    }

    /** Every task, dependencies first, independent tasks alphabetical. */
    public List<String> order() {
        return order;
    }

    /**
     * The targets of other tasks that lie inside this task's targets (written by a task it depends on, or that
     * depends on it): not this task's outputs.
     */
    public List<String> targetsOfOthersInside(String id) {
        return nestedTargets.getOrDefault(id, List.of());
    }

    /** The tasks that depend directly on {@code id}, sorted. */
    public SortedSet<String> dependents(String id) {
        return dependents.getOrDefault(id, java.util.Collections.emptySortedSet());
    }

    /** The targets and everything they depend on, transitively, in graph order. */
    public List<String> closure(Collection<String> targets) {
        Set<String> seen = new HashSet<>();
        ArrayList<String> stack = new ArrayList<>(targets);
        while (!stack.isEmpty()) {
            String id = stack.removeLast();
            if (seen.add(id)) {
                stack.addAll(task(id).dependsOn());
            }
        }
        return inOrder(seen);
    }

    /** The given tasks and everything depending on them, transitively, in graph order. */
    public List<String> dependentClosure(Collection<String> roots) {
        Set<String> seen = new HashSet<>();
        ArrayList<String> stack = new ArrayList<>(roots);
        while (!stack.isEmpty()) {
            String id = stack.removeLast();
            if (seen.add(id)) {
                stack.addAll(dependents(id));
            }
        }
        return inOrder(seen);
    }

    private List<String> inOrder(Set<String> ids) {
        List<String> result = new ArrayList<>(ids);
        result.sort((a, b) -> Integer.compare(position.get(a), position.get(b)));
        return result;
    }
}
