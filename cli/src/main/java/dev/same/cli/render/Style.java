package dev.same.cli.render;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * ANSI styling, or none when colour is off. A task's name has one colour wherever and whenever it is shown: the
 * original's palette, indexed by the 32-bit FNV-1a hash of the name.
 */
public final class Style {
    private static final List<String> TASK_COLOURS = List.of("36", "35", "33", "34", "96", "95", "93", "94");
    private final boolean enabled;

    public Style(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public String task(String task) {
        return paint(colourOf(task), task);
    }

    static String colourOf(String task) {
        int hash = 0x811c9dc5;
        for (byte b : task.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x01000193;
        }
        return TASK_COLOURS.get(Integer.remainderUnsigned(hash, TASK_COLOURS.size()));
    }

    public String green(String text) {
        return paint("32", text);
    }

    public String red(String text) {
        return paint("31", text);
    }

    public String yellow(String text) {
        return paint("33", text);
    }

    public String dim(String text) {
        return paint("2", text);
    }

    public String bold(String text) {
        return paint("1", text);
    }

    private String paint(String code, String text) {
        return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
