package dev.same.server.graph;

import dev.same.server.SameException;
import dev.same.server.config.Project;
import dev.same.server.config.TaskDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what the user typed into task ids. {@code project:task} names one task; {@code all} every task; a
 * bare {@code task} means that task of the project the caller stands in, or, outside every project, that task
 * in every project that has it.
 */
public final class TargetResolver {
    private final TaskGraph graph;
    private final Path root;
    private final List<Project> projects;

    public TargetResolver(TaskGraph graph, Path root, java.util.Collection<Project> projects) {
        this.graph = graph;
        this.root = root;
        this.projects = List.copyOf(projects);
    }

    public List<String> resolve(List<String> targets, Path cwd) {
        Set<String> ids = new LinkedHashSet<>();
        for (String target : targets) {
            ids.addAll(resolveOne(target, cwd));
        }
        return List.copyOf(ids);
    }

    private List<String> resolveOne(String target, Path cwd) {
        if (target.equals("all")) {
            return graph.order();
        }
        if (graph.contains(target)) {
            return List.of(target);
        }
        Optional<Project> here = target.contains(":") ? Optional.empty()
                : projectContaining(cwd).filter(p -> !p.name().isEmpty());
        if (!target.contains(":")) {
            if (here.isPresent()) {
                String id = here.get().name() + ":" + target;
                if (graph.contains(id)) {
                    return List.of(id);
                }
            } else {
                List<String> everywhere = graph.tasks().values().stream()
                        .filter(t -> t.name().equals(target)).map(TaskDef::id).toList();
                if (!everywhere.isEmpty()) {
                    return everywhere;
                }
            }
        }
        throw unknown(target, here);
    }

    private Optional<Project> projectContaining(Path cwd) {
        Path relative;
        try {
            relative = root.relativize(cwd.toRealPath());
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (relative.startsWith("..")) {
            return Optional.empty();
        }
        return projects.stream()
                .filter(p -> p.relativeDir().isEmpty() || relative.startsWith(p.relativeDir()))
                .max(Comparator.comparingInt(p -> p.relativeDir().length()));
    }

    /** Suggests the tasks of the project the caller stands in first, then any task. */
    private SameException unknown(String target, Optional<Project> here) {
        List<String> context = new ArrayList<>();
        List<String> similar = here.map(p -> Suggestions.closest(target, graph.tasks().values().stream()
                .filter(t -> t.project().equals(p.name())).map(TaskDef::id).toList())).orElse(List.of());
        if (similar.isEmpty()) {
            similar = Suggestions.closest(target, graph.tasks().keySet());
        }
        if (!similar.isEmpty()) {
            context.add("did you mean " + String.join(", ", similar) + "?");
        }
        context.add("run 'same graph' to list every task");
        return new SameException("task not found: " + target, context);
    }
}
