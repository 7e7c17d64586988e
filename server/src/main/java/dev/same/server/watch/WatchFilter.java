package dev.same.server.watch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which paths the watcher ignores. Version control directories and same's own state (except the read-your-writes
 * cookies and the recorded results) are never inputs, so they are always skipped. Dependency directories ({@code node_modules}) and the
 * declared targets of tasks are skipped for speed, but only where no task's input reaches: a target is often
 * another task's input (a library's {@code dist}), and an input may name a file under {@code node_modules}.
 */
public final class WatchFilter {
    /** Where runs record results (any process's: a run without the daemon, a clean): states follow them. */
    private static final List<String> RESULTS = List.of(".same/cache/actions", ".same/cache/last",
            ".same/cache/failures");
    private static final Set<String> NEVER_INPUTS = Set.of(".git", ".jj");
    private static final String DEPENDENCIES = "node_modules";

    /**
     * Where one input pattern can reach: its literal leading part (before any wildcard; "" for the whole root) and
     * the literal exclusions of its task, below which it reaches nothing. Root-relative, '/'-separated.
     */
    public record InputReach(String prefix, List<String> exclusions) {
        public InputReach {
            exclusions = List.copyOf(exclusions);
        }
    }

    private record Configuration(List<String> targets, NavigableMap<String, List<List<String>>> reaches) {
    }

    private volatile Configuration configuration = new Configuration(List.of(), new TreeMap<>());

    /**
     * Sets the targets to skip and the inputs that must be watched even where they are skipped otherwise.
     *
     * @return whether that changed what is watched (directories skipped before may have to be watched now)
     */
    public boolean configure(List<String> rootRelativeTargets, Collection<InputReach> inputs) {
        NavigableMap<String, List<List<String>>> reaches = new TreeMap<>();
        for (InputReach input : inputs) {
            reaches.computeIfAbsent(input.prefix(), p -> new ArrayList<>()).add(input.exclusions());
        }
        Configuration next = new Configuration(List.copyOf(rootRelativeTargets), reaches);
        boolean changed = !next.equals(configuration);
        configuration = next;
        return changed;
    }

    /** @param relative a root-relative, '/'-separated path ("" is the root) */
    public boolean ignored(String relative) {
        if (relative.isEmpty()) {
            return false;
        }
        if (relative.equals(".same") || relative.equals(".same/cache") || relative.equals(ReadYourWrites.COOKIE_DIRECTORY)
                || ReadYourWrites.isCookie(relative) || isResult(relative)) {
            return false;
        }
        if (relative.startsWith(".same/")) {
            return true;
        }
        boolean skippable = false;
        for (String segment : relative.split("/")) {
            if (NEVER_INPUTS.contains(segment)) {
                return true;
            }
            skippable |= segment.equals(DEPENDENCIES);
        }
        Configuration current = configuration;
        if (!skippable) {
            for (String target : current.targets()) {
                if (relative.equals(target) || relative.startsWith(target + "/")) {
                    skippable = true;
                    break;
                }
            }
        }
        return skippable && !reached(current.reaches(), relative);
    }

    /** Whether the path is a recorded result, or where results are kept ({@code .same/cache} itself: a clean). */
    public static boolean isResult(String relative) {
        if (relative.equals(".same/cache")) {
            return true;
        }
        for (String results : RESULTS) {
            if (relative.equals(results) || relative.startsWith(results + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an input may be the path, lie below it (so the path's directory must be watched to see it appear) or
     * contain it.
     */
    private static boolean reached(NavigableMap<String, List<List<String>>> reaches, String path) {
        for (String directory = path; ; directory = parentOf(directory)) {
            List<List<String>> exclusions = reaches.get(directory);
            if (exclusions != null && exclusions.stream().anyMatch(excluded -> !inside(path, excluded))) {
                return true;
            }
            if (directory.isEmpty()) {
                break;
            }
        }
        // prefixes below the path: "path/..." sorts from "path/" up to "path0" ('0' follows '/')
        return !reaches.subMap(path + "/", path + "0").isEmpty();
    }

    private static boolean inside(String path, List<String> excluded) {
        for (String exclusion : excluded) {
            if (path.equals(exclusion) || path.startsWith(exclusion + "/")) {
                return true;
            }
        }
        return false;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
