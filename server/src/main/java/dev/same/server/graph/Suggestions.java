package dev.same.server.graph;

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
        int whole = distance(typed, id);
        if (typed.contains(":")) {
            return whole;
        }
        return Math.min(whole, distance(typed, id.substring(id.indexOf(':') + 1)));
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
