package dev.same.lsp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the cursor is in a config file's structure, read from indentation alone so that it works on the
 * half-typed, unparsable text completion is asked for.
 *
 * @param path  the keys enclosing the cursor, outermost first (["tasks", "build"] inside task build)
 * @param value whether the cursor is in the value of the last key of the path rather than at a key
 */
record CursorContext(List<String> path, boolean value) {
    private static final Pattern KEY_VALUE = Pattern.compile("^(\\s*)(?:-\\s+)?([A-Za-z0-9_.-]+)\\s*:(?:\\s.*)?$");
    private static final Pattern ITEM = Pattern.compile("^(\\s*)-(?:\\s.*)?$");
    private static final Pattern KEY_ONLY = Pattern.compile("^(\\s*)(?:-\\s+)?([\"']?[A-Za-z0-9_.:-]+[\"']?)\\s*:.*$");

    static CursorContext at(Lines lines, int line, int character) {
        String text = lines.get(line);
        String before = text.substring(0, Math.min(character, text.length()));
        Matcher keyValue = KEY_VALUE.matcher(before);
        if (keyValue.matches()) {
            List<String> path = parents(lines, line, keyValue.group(1).length());
            path.add(keyValue.group(2));
            return new CursorContext(List.copyOf(path), true);
        }
        Matcher item = ITEM.matcher(before);
        if (item.matches()) {
            return new CursorContext(List.copyOf(parents(lines, line, item.group(1).length() + 1)), true);
        }
        int indent = before.isBlank() ? before.length() : before.length() - before.stripLeading().length();
        return new CursorContext(List.copyOf(parents(lines, line, indent)), false);
    }

    /** The keys of the lines above {@code line} that enclose a line indented by {@code indent}. */
    private static List<String> parents(Lines lines, int line, int indent) {
        List<String> keys = new ArrayList<>();
        for (int i = line - 1; i >= 0 && indent > 0; i--) {
            String text = lines.get(i);
            if (text.isBlank() || text.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher key = KEY_ONLY.matcher(text);
            int own = text.length() - text.stripLeading().length();
            if (own < indent && key.matches()) {
                keys.add(unquote(key.group(2)));
                indent = own;
            }
        }
        Collections.reverse(keys);
        return keys;
    }

    private static String unquote(String key) {
        return key.length() >= 2 && (key.startsWith("\"") || key.startsWith("'")) ? key.substring(1, key.length() - 1)
                : key;
    }

    boolean is(boolean inValue, String... keys) {
        if (value != inValue || path.size() != keys.length) {
            return false;
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && !keys[i].equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }
}
