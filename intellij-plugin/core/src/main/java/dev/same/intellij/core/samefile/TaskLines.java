package dev.same.intellij.core.samefile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the tasks of a same.yaml are written, read from its text line by line rather than parsed, so that a file
 * being edited or broken still maps every task key that is readable: the keys one level under a top-level
 * {@code tasks:}, and the top-level {@code project:} name.
 */
public record TaskLines(String project, List<TaskLine> tasks) {
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*:(.*)$");
    private static final Pattern PROJECT = Pattern.compile("^project\\s*:\\s*[\"']?([A-Za-z0-9_-]+)[\"']?\\s*(#.*)?$");
    private static final Pattern TASK_KEY = Pattern.compile("^( +)([\"']?)([A-Za-z0-9_.-]+)\\2\\s*:(?:\\s.*)?$");

    public TaskLines {
        tasks = List.copyOf(tasks);
    }

    public static TaskLines of(String text) {
        String[] lines = text.split("\r?\n", -1);
        String project = null;
        List<TaskLine> tasks = new ArrayList<>();
        boolean inTasks = false;
        int childIndent = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                Matcher key = TOP_LEVEL_KEY.matcher(line);
                inTasks = key.matches() && key.group(1).equals("tasks") && key.group(2).strip().matches("(#.*)?");
                childIndent = -1;
                Matcher named = PROJECT.matcher(line);
                if (named.matches()) {
                    project = named.group(1);
                }
                continue;
            }
            if (!inTasks) {
                continue;
            }
            Matcher key = TASK_KEY.matcher(line);
            int indent = line.length() - line.stripLeading().length();
            if (childIndent < 0) {
                childIndent = indent;
            }
            if (indent == childIndent && key.matches()) {
                tasks.add(new TaskLine(i, key.group(3), key.start(3), key.end(3)));
            }
        }
        return new TaskLines(project, tasks);
    }
}
