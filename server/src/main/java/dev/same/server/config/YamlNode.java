package dev.same.server.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * A parsed YAML value that remembers the line it starts on (1-based).
 * Scalars keep their source text: {@code 1.10} stays "1.10" and {@code 022} stays "022",
 * which is what a user means in {@code environment} or {@code cmd}.
 */
sealed interface YamlNode {
    int line();

    record Null(int line) implements YamlNode {
    }

    record Scalar(String text, int line) implements YamlNode {
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A mapping in source order; keys are unique. */
    record Mapping(SequencedMap<String, Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(entries));
        }

        static Mapping empty(int line) {
            return new Mapping(new LinkedHashMap<>(), line);
        }

        /** The value under {@code key}, or null when the key is absent. */
        YamlNode get(String key) {
            Entry entry = entries.get(key);
            return entry == null ? null : entry.value();
        }

        /** The value under {@code key}, unless the key is absent or its value is empty ({@code key:}). */
        Optional<YamlNode> present(String key) {
            YamlNode value = get(key);
            return value instanceof Null ? Optional.empty() : Optional.ofNullable(value);
        }

        /** The line of {@code key}, or of the mapping itself when the key is absent. */
        int lineOf(String key) {
            Entry entry = entries.get(key);
            return entry == null ? line : entry.line();
        }

        boolean isEmpty() {
            return entries.isEmpty();
        }
    }

    /** One key of a mapping: the line is the key's own line. */
    record Entry(String key, int line, YamlNode value) {
    }
}
