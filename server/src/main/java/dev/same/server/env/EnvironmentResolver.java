package dev.same.server.env;

import dev.same.server.config.Project;
import dev.same.server.config.TaskDef;

/** Resolves the tool environment a task runs with. */
public interface EnvironmentResolver {
    ToolEnvironment resolve(Project project, TaskDef task);
}
