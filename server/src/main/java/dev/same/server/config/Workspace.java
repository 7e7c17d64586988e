package dev.same.server.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The loaded, validated configuration: immutable.
 *
 * @param root        the real (symlink-resolved) absolute root directory
 * @param standalone  true when the root is a lone {@code same.yaml}, false for a {@code same.work.yaml}
 * @param projects    by name ("" for a standalone root)
 * @param tasks       by id, sorted
 * @param configFiles every config file read (the workfile first), absolute
 * @param warnings    non-fatal problems, one line each (skipped directories, ignored keys)
 * @param remoteCache the workfile's remote cache; null when it has none (a standalone root never has one)
 */
public record Workspace(
        Path root,
        boolean standalone,
        SortedMap<String, Project> projects,
        SortedMap<String, TaskDef> tasks,
        List<Path> configFiles,
        List<String> warnings,
        RemoteCacheConfig remoteCache) {
    public Workspace {
        projects = Collections.unmodifiableSortedMap(new TreeMap<>(projects));
        tasks = Collections.unmodifiableSortedMap(new TreeMap<>(tasks));
        configFiles = List.copyOf(configFiles);
        warnings = List.copyOf(warnings);
    }

    public Workspace(Path root, boolean standalone, SortedMap<String, Project> projects, SortedMap<String, TaskDef> tasks,
                     List<Path> configFiles, List<String> warnings) {
        this(root, standalone, projects, tasks, configFiles, warnings, null);
    }
}
