package dev.same.lsp;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where things are written in one config file: the project name, tool aliases, tasks and each task's
 * dependencies and tools, with their spans. Built from a buffer that parses as YAML (see {@link OutlineParser}).
 *
 * @param project the {@code project:} value, null when absent
 */
record ConfigOutline(Path file, Named project, List<Named> tools, List<TaskEntry> tasks) {
    static ConfigOutline empty(Path file) {
        return new ConfigOutline(file, null, List.of(), List.of());
    }

    /** A name and where it is written. */
    record Named(String text, Span span) {
    }

    /** A task: its key, the dependsOn entries and tool aliases it lists. */
    record TaskEntry(Named name, List<Named> dependsOn, List<Named> tools) {
    }

    Optional<TaskEntry> task(String name) {
        return tasks.stream().filter(task -> task.name().text().equals(name)).findFirst();
    }

    String projectName() {
        return project == null ? "" : project.text();
    }
}
