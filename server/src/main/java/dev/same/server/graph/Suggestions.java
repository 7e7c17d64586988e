package dev.same.server.graph;

import dev.same.server.config.ClosestMatch;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * "Did you mean" candidates: ids within a small edit distance of what was typed. A bare name (no ':') is
 * also compared with the task-name part of each id, so {@code biuld} finds {@code web:build}.
 */
final class Suggestions {
    private Suggestions() {
    }

    static List<String> closest(String typed, Collection<String> ids) {
        int limit = Math.max(2, typed.length() / 3);
        return ids.stream()
                .filter(id -> distanceTo(typed, id) <= limit)
                .sorted(Comparator.comparingInt((String id) -> distanceTo(typed, id)).thenComparing(id -> id))
                .limit(3)
                .toList();
    }

    private static int distanceTo(String typed, String id) {
        int whole = ClosestMatch.distance(typed, id);
        if (typed.contains(":")) {
            return whole;
        }
        return Math.min(whole, ClosestMatch.distance(typed, id.substring(id.indexOf(':') + 1)));
    }
}
