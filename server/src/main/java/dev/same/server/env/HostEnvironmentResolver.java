package dev.same.server.env;

import dev.same.server.config.Project;
import dev.same.server.config.TaskDef;
import dev.same.server.hash.Digest;
import java.util.TreeMap;

/**
 * Tasks run with the tools of the host: no variables are added. The declared tool specs still count in the
 * hash, so changing a tool version reruns the tasks that use it.
 */
public final class HostEnvironmentResolver implements EnvironmentResolver {
    @Override
    public ToolEnvironment resolve(Project project, TaskDef task) {
        StringBuilder specs = new StringBuilder("host\n");
        for (String alias : task.tools()) {
            specs.append(alias).append('=').append(project.tools().get(alias)).append('\n');
        }
        return new ToolEnvironment(Digest.of(specs.toString()), new TreeMap<>());
    }
}
