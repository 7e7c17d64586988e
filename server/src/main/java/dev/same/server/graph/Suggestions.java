package dev.same.server.graph;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" candidates: names within a small edit distance, or sharing the typed suffix. */
final class Suggestions {
    private Suggestions() {
    }

    static List<String> closest(String typed, Collection<String> names) {
        int limit = Math.max(2, typed.length() / 3);
        return names.stream()
                .filter(n -> distance(typed, n) <= limit || n.endsWith(":" + typed))
                .sorted(Comparator.comparingInt((String n) -> distance(typed, n)).thenComparing(n -> n))
                .limit(3)
                .toList();
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
