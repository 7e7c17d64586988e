package dev.same.server.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A project: one {@code same.yaml}.
 *
 * @param name        the project name; empty for a standalone {@code same.yaml} root
 * @param relativeDir the project directory relative to the workspace root, '/'-separated, "" for the root
 * @param tools       alias to tool spec (package@version), workspace tools merged in, the project's own winning
 * @param env         the environment command of the project's tasks: its own {@code env}, else the workspace's;
 *                    null when neither has one
 */
public record Project(String name, String relativeDir, Path configFile, SortedMap<String, String> tools,
                      EnvCommand env) {
    public Project {
        tools = Collections.unmodifiableSortedMap(new TreeMap<>(tools));
    }

    /** A project without an environment command. */
    public Project(String name, String relativeDir, Path configFile, SortedMap<String, String> tools) {
        this(name, relativeDir, configFile, tools, null);
    }
}
