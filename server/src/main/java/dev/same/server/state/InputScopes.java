package dev.same.server.state;

import dev.same.server.config.TaskDef;
import dev.same.server.config.Glob;
import dev.same.server.watch.WatchFilter.InputReach;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashSet;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which tasks a changed path may concern: those with an input pattern whose fixed leading part (before any
 * wildcard) is the path or one of its directories, or lies below the path (a directory created, removed or
 * renamed). Conservative: a glob's remaining segments and the exclusions are not looked at.
 */
final class InputScopes {
    private final NavigableMap<String, Set<String>> tasksByPrefix = new TreeMap<>();

    InputScopes(Collection<TaskDef> tasks) {
        this(tasks, "");
    }

    /**
     * @param offset where the tasks' root (a {@code root:} of the config) lies below the watched root, as a
     *               relative path ("" for the same directory); null when it lies elsewhere: then every change
     *               may concern every task
     */
    InputScopes(Collection<TaskDef> tasks, String offset) {
        for (TaskDef task : tasks) {
            for (String pattern : task.inputs()) {
                if (!pattern.startsWith("!")) {
                    String prefix = offset == null ? "" : under(offset, Glob.compile(pattern).literalPrefix());
                    tasksByPrefix.computeIfAbsent(prefix, p -> new HashSet<>()).add(task.id());
                }
            }
        }
    }

    /** {@code path} (relative to the tasks' root) relative to the watched root, {@code offset} below it. */
    static String under(String offset, String path) {
        return offset.isEmpty() ? path : path.isEmpty() ? offset : offset + "/" + path;
    }

    /**
     * Where the tasks' input patterns reach, for the watcher: the literal part of each pattern, with the literal
     * exclusions of its task (an exclusion with a wildcard is left out: it may exclude less than it seems).
     */
    static List<InputReach> reaches(Collection<TaskDef> tasks, String offset) {
        List<InputReach> reaches = new ArrayList<>();
        for (TaskDef task : tasks) {
            List<String> exclusions = task.inputs().stream().filter(p -> p.startsWith("!"))
                    .map(p -> Glob.compile(p.substring(1))).filter(Glob::isLiteral)
                    .map(glob -> under(offset, glob.literalPrefix())).toList();
            for (String pattern : task.inputs()) {
                if (!pattern.startsWith("!")) {
                    reaches.add(new InputReach(under(offset, Glob.compile(pattern).literalPrefix()), exclusions));
                }
            }
        }
        return reaches;
    }

    /** The tasks whose inputs the root-relative {@code paths} may be, contain or lie in. */
    Set<String> touchedBy(Collection<String> paths) {
        Set<String> touched = new HashSet<>();
        for (String path : paths) {
            for (String directory = path; ; directory = parentOf(directory)) {
                Set<String> tasks = tasksByPrefix.get(directory);
                if (tasks != null) {
                    touched.addAll(tasks);
                }
                if (directory.isEmpty()) {
                    break;
                }
            }
            // prefixes below the path: "path/..." sorts from "path/" up to "path0" ('0' follows '/')
            tasksByPrefix.subMap(path + "/", path + "0").values().forEach(touched::addAll);
        }
        return touched;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
