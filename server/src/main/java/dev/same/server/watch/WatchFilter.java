package dev.same.server.watch;

import java.util.List;
import java.util.Set;

/**
 * Which paths the watcher ignores: version-control and dependency directories, same's own state (except the
 * read-your-writes cookies) and the declared targets of tasks, which runs rewrite.
 */
public final class WatchFilter {
    public static final String COOKIE_DIRECTORY = ".same/cookies";
    private static final Set<String> SKIPPED_NAMES = Set.of(".git", ".jj", "node_modules");

    private volatile List<String> targets = List.of();

    public void targets(List<String> rootRelativeTargets) {
        this.targets = List.copyOf(rootRelativeTargets);
    }

    /** @param relative a root-relative, '/'-separated path ("" is the root) */
    public boolean ignored(String relative) {
        if (relative.isEmpty()) {
            return false;
        }
        if (relative.equals(".same") || relative.equals(COOKIE_DIRECTORY)
                || relative.startsWith(COOKIE_DIRECTORY + "/")) {
            return false;
        }
        if (relative.startsWith(".same/")) {
            return true;
        }
        for (String segment : relative.split("/")) {
            if (SKIPPED_NAMES.contains(segment)) {
                return true;
            }
        }
        for (String target : targets) {
            if (relative.equals(target) || relative.startsWith(target + "/")) {
                return true;
            }
        }
        return false;
    }
}
