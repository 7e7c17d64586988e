package dev.same.cli.inspect;

import dev.same.cli.inspect.Keys.Key;
import dev.same.cli.render.Durations;
import dev.same.cli.render.Style;
import dev.same.protocol.TaskStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The inspect view's state and its drawing, without a terminal: the tasks of the run on the left, the selected
 * task's log on the right. In the list, j/k and the arrows move the selection and the log follows its end; Enter
 * focuses the log, where the same keys scroll it (PgUp/PgDn a page, g/G to either end) and Esc goes back; q quits.
 */
final class InspectModel {
    private static final String HINT = "j/k ↑/↓ move · enter log · esc back · q quit";

    private final List<RunLog.Task> tasks;
    private final Style style;
    private int selected;
    private boolean logFocused;
    /** The first log line shown while the log is focused; in the list, the log shows its end. */
    private int logOffset;
    private int logRows = 1;

    InspectModel(List<RunLog.Task> tasks, Style style) {
        this.tasks = List.copyOf(tasks);
        this.style = style;
        int failed = indexOfFirstFailure();
        this.selected = failed >= 0 ? failed : 0;
    }

    /** @return false when the view should close */
    boolean handle(Key key) {
        switch (key) {
            case QUIT, CLOSED -> {
                return false;
            }
            case ESC -> logFocused = false;
            case ENTER -> {
                if (!tasks.isEmpty() && !logFocused) {
                    logFocused = true;
                    logOffset = tailOffset();
                }
            }
            case UP -> move(-1);
            case DOWN -> move(1);
            case PAGE_UP -> scroll(-logRows);
            case PAGE_DOWN -> scroll(logRows);
            case HOME -> scroll(Integer.MIN_VALUE / 2);
            case END -> scroll(Integer.MAX_VALUE / 2);
            case OTHER -> { }
        }
        return true;
    }

    private void move(int by) {
        if (logFocused) {
            scroll(by);
        } else if (!tasks.isEmpty()) {
            selected = Math.clamp(selected + by, 0, tasks.size() - 1);
        }
    }

    private void scroll(int by) {
        if (!logFocused) {
            logFocused = !tasks.isEmpty();
            logOffset = tailOffset();
        }
        logOffset = (int) Math.clamp((long) logOffset + by, 0, tailOffset());
    }

    private int tailOffset() {
        return tasks.isEmpty() ? 0 : Math.max(0, tasks.get(selected).lines().size() - logRows);
    }

    /** The screen, one string per row, each fitting {@code width} columns. */
    List<String> render(int width, int height) {
        logRows = Math.max(1, height - 2);
        List<String> screen = new ArrayList<>(height);
        screen.add(fit(header(), width));
        screen.add(fit(style.dim(HINT), width));
        int listWidth = Math.min(Math.max(24, longestName() + 18), Math.max(24, width / 3));
        int logWidth = Math.max(1, width - listWidth - 3);
        List<String> log = visibleLog();
        int listStart = Math.max(0, selected - logRows + 1);
        for (int row = 0; row < logRows; row++) {
            int index = listStart + row;
            String left = index < tasks.size() ? listRow(index) : "";
            String right = row < log.size() ? log.get(row) : "";
            screen.add(pad(left, listWidth) + style.dim(" │ ") + fit(right, logWidth));
        }
        return screen;
    }

    private String header() {
        if (logFocused && !tasks.isEmpty()) {
            RunLog.Task task = tasks.get(selected);
            List<String> lines = task.lines();
            int last = Math.min(lines.size(), logOffset + logRows);
            return style.bold("LOGS: " + task.id() + " " + status(task)) + style.dim("  lines " + (lines.isEmpty() ? 0
                    : logOffset + 1) + "-" + last + " of " + lines.size() + " | Press ESC to return");
        }
        return indexOfFirstFailure() >= 0 ? style.red("BUILD FAILED - Press 'q' to exit") : style.bold("BUILD PLAN");
    }

    private List<String> visibleLog() {
        if (tasks.isEmpty()) {
            return List.of("No tasks planned");
        }
        List<String> lines = tasks.get(selected).lines();
        int from = logFocused ? logOffset : Math.max(0, lines.size() - logRows);
        return lines.subList(Math.min(from, lines.size()), Math.min(lines.size(), from + logRows));
    }

    private String listRow(int index) {
        RunLog.Task task = tasks.get(index);
        String cursor = index == selected ? (logFocused ? "» " : "> ") : "  ";
        return cursor + icon(task.status()) + " " + style.task(task.id()) + " " + style.dim(status(task));
    }

    private String icon(TaskStatus status) {
        return status == null ? "○" : switch (status) {
            case OK -> style.green("✓");
            case CACHED -> style.yellow("~");
            case FAILED, CANCELLED -> style.red("✗");
            case SKIPPED -> style.dim("-");
        };
    }

    private static String status(RunLog.Task task) {
        if (task.status() == null) {
            return "[Pending]";
        }
        String took = Durations.of(task.durationMillis());
        return switch (task.status()) {
            case OK -> "[Took " + took + "]";
            case CACHED -> "[Cached " + took + "]";
            case FAILED -> "[Failed " + took + "]";
            case SKIPPED -> "[Skipped]";
            case CANCELLED -> "[Cancelled]";
        };
    }

    private int indexOfFirstFailure() {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).status() == TaskStatus.FAILED) {
                return i;
            }
        }
        return -1;
    }

    private int longestName() {
        return tasks.stream().mapToInt(t -> t.id().length()).max().orElse(0);
    }

    /** {@code text} cut to {@code width} visible columns; escape sequences count for nothing. */
    static String fit(String text, int width) {
        StringBuilder out = new StringBuilder();
        int visible = 0;
        boolean styled = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u001b') {
                int end = i + 1;
                while (end < text.length() && !Character.isLetter(text.charAt(end))) {
                    end++;
                }
                out.append(text, i, Math.min(text.length(), end + 1));
                styled = true;
                i = end;
            } else if (c == '\t') {
                int spaces = Math.min(4 - visible % 4, width - visible);
                out.repeat(' ', Math.max(0, spaces));
                visible += Math.max(0, spaces);
            } else if (visible < width && c >= ' ') {
                out.append(c);
                visible++;
            }
            if (visible >= width && c != '\u001b') {
                break;
            }
        }
        return styled ? out + "\u001b[0m" : out.toString();
    }

    private static String pad(String text, int width) {
        String cut = fit(text, width);
        int visible = cut.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").length();
        return cut + " ".repeat(Math.max(0, width - visible));
    }
}
