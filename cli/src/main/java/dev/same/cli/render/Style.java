package dev.same.cli.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** ANSI styling, or none when colour is off. Task prefixes get a stable colour each, in planned order. */
public final class Style {
    private static final List<String> TASK_COLOURS = List.of("36", "35", "33", "34", "96", "95", "93", "94");
    private final boolean enabled;
    private final Map<String, String> taskColours = new HashMap<>();

    public Style(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public synchronized void plan(List<String> tasks) {
        for (String task : tasks) {
            taskColours.computeIfAbsent(task, t -> TASK_COLOURS.get(taskColours.size() % TASK_COLOURS.size()));
        }
    }

    public synchronized String task(String task) {
        String colour = taskColours.computeIfAbsent(task,
                t -> TASK_COLOURS.get(taskColours.size() % TASK_COLOURS.size()));
        return paint(colour, task);
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
