package dev.same.server.config;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One task, fully resolved against its project.
 *
 * @param id          "project:task" in a workspace, "task" in a standalone root
 * @param project     the project name ("" standalone)
 * @param name        the task's own name
 * @param cmd         argv; empty for a group task, which only gathers its dependencies
 * @param inputs      input patterns relative to the workspace root ('/'-separated), sorted, without duplicates;
 *                    a pattern is a file, a directory (recursive) or a glob ({@code *}, {@code **});
 *                    a leading {@code !} excludes
 * @param targets     outputs relative to the workspace root, sorted, without duplicates; all inside the root
 * @param dependsOn   ids of the tasks this one depends on, sorted
 * @param tools       tool aliases, sorted
 * @param environment variables set for the task, sorted by name
 * @param workingDir  relative to the workspace root, '/'-separated, "" for the root; absolute when written so and
 *                    outside the root
 * @param env         the environment command the task runs with: its own {@code env}, else its project's, else
 *                    the workspace's; null when none applies
 * @param caching     where its results may be kept ({@code cache: false}, {@code remote: false}); not part of its hash
 * @param portable    {@code portable: true}: its results do not depend on the platform (OS and CPU) it runs on, so
 *                    its hash leaves the platform out and machines of every platform share them
 * @param problem     a mistake in the definition that fails this task when it runs, leaving the others alone
 *                    (a target outside the root, as the original treats it); null when there is none
 */
public record TaskDef(
        String id,
        String project,
        String name,
        List<String> cmd,
        List<String> inputs,
        List<String> targets,
        List<String> dependsOn,
        List<String> tools,
        SortedMap<String, String> environment,
        String workingDir,
        Rebuild rebuild,
        SourceLocation location,
        EnvCommand env,
        Caching caching, boolean portable, String problem) {
    public TaskDef {
        cmd = List.copyOf(cmd);
        inputs = List.copyOf(inputs);
        targets = List.copyOf(targets);
        dependsOn = List.copyOf(dependsOn);
        tools = List.copyOf(tools);
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        caching = caching == null ? Caching.SHARED : caching;
    }

    /** A task without a problem, whose results may be cached and shared. */
    public TaskDef(String id, String project, String name, List<String> cmd, List<String> inputs, List<String> targets,
                   List<String> dependsOn, List<String> tools, SortedMap<String, String> environment,
                   String workingDir, Rebuild rebuild, SourceLocation location, EnvCommand env) {
        this(id, project, name, cmd, inputs, targets, dependsOn, tools, environment, workingDir, rebuild, location,
                env, Caching.SHARED, false, null);
    }

    /** A task without an environment command. */
    public TaskDef(String id, String project, String name, List<String> cmd, List<String> inputs, List<String> targets,
                   List<String> dependsOn, List<String> tools, SortedMap<String, String> environment,
                   String workingDir, Rebuild rebuild, SourceLocation location) {
        this(id, project, name, cmd, inputs, targets, dependsOn, tools, environment, workingDir, rebuild, location,
                null, Caching.SHARED, false, null);
    }
}
