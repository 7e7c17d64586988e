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
 */
public record Project(String name, String relativeDir, Path configFile, SortedMap<String, String> tools) {
    public Project {
        tools = Collections.unmodifiableSortedMap(new TreeMap<>(tools));
    }
}
