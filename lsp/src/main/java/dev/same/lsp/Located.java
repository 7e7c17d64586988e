package dev.same.lsp;

import org.eclipse.lsp4j.Position;

/** What the cursor is on in a config file's outline. */
sealed interface Located {
    /** A task's own key; {@code id} as the daemon names it. */
    record TaskKey(String id, ConfigOutline.Named name) implements Located {
    }

    /** An entry of a task's dependsOn, resolved to the id of the task it names. */
    record Dependency(String id, ConfigOutline.Named entry) implements Located {
    }

    /** A tool alias, where it is declared or where a task lists it. */
    record ToolAlias(String alias, ConfigOutline.Named entry) implements Located {
    }

    record Nothing() implements Located {
    }

    static Located in(ConfigOutline outline, String project, Position position) {
        for (ConfigOutline.Named tool : outline.tools()) {
            if (tool.span().contains(position)) {
                return new ToolAlias(tool.text(), tool);
            }
        }
        for (ConfigOutline.TaskEntry task : outline.tasks()) {
            if (task.name().span().contains(position)) {
                return new TaskKey(id(project, task.name().text()), task.name());
            }
            for (ConfigOutline.Named dependency : task.dependsOn()) {
                if (dependency.span().contains(position)) {
                    return new Dependency(id(project, dependency.text()), dependency);
                }
            }
            for (ConfigOutline.Named tool : task.tools()) {
                if (tool.span().contains(position)) {
                    return new ToolAlias(tool.text(), tool);
                }
            }
        }
        return new Nothing();
    }

    /** The id of a task written {@code reference} in {@code project}'s file: bare names are the project's own. */
    static String id(String project, String reference) {
        return reference.contains(":") || project.isEmpty() ? reference : project + ":" + reference;
    }
}
