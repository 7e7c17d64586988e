package dev.same.intellij.core.samefile;

import dev.same.intellij.core.model.StateIcon;
import dev.same.intellij.core.model.TaskView;
import dev.same.intellij.core.model.WorkspaceSnapshot;
import dev.same.protocol.ProjectInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gutter marks of one same.yaml, from its current text (saved or not) and the daemon's latest state. */
public final class GutterMarks {
    private GutterMarks() {
    }

    /**
     * @param file the file's path relative to the workspace root, as the daemon names it ({@code app/same.yaml})
     * @param text the file's current text
     */
    public static List<GutterMark> of(String file, String text, WorkspaceSnapshot snapshot) {
        TaskLines lines = TaskLines.of(text);
        String prefix = idPrefix(file, lines, snapshot);
        Map<String, TaskView> tasks = snapshot.tasksById();
        List<GutterMark> marks = new ArrayList<>();
        for (TaskLine line : lines.tasks()) {
            String id = prefix + line.name();
            TaskView task = tasks.get(id);
            if (task == null) {
                marks.add(new GutterMark(line, id, StateIcon.UNKNOWN, id + " — not in the daemon's graph "
                        + (snapshot.configError() != null ? "(the configuration has an error)" : "(save the file)"),
                        false));
            } else {
                marks.add(new GutterMark(line, id, StateIcon.of(task.state()), StateIcon.tooltip(task), true));
            }
        }
        return marks;
    }

    /** The mark of the task written on {@code line} (0-based), if any. */
    public static Optional<GutterMark> at(int line, List<GutterMark> marks) {
        return marks.stream().filter(mark -> mark.line().line() == line).findFirst();
    }

    /** The mark of the task whose definition contains {@code line}: the nearest task key at or above it. */
    public static Optional<GutterMark> enclosing(int line, List<GutterMark> marks) {
        GutterMark found = null;
        for (GutterMark mark : marks) {
            if (mark.line().line() <= line) {
                found = mark;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The mark anchored at this position: where the task's key starts ({@code column} of its name, or of the quote
     * before it). An editor asks once per token; only the key's first token gets the icon.
     */
    public static Optional<GutterMark> anchoredAt(int line, int column, List<GutterMark> marks) {
        return at(line, marks).filter(mark -> column == mark.line().startColumn()
                || column == mark.line().startColumn() - 1);
    }

    /** "" in a standalone root; else the project's name and a colon, from the graph or else from the text. */
    private static String idPrefix(String file, TaskLines lines, WorkspaceSnapshot snapshot) {
        if (snapshot.hasGraph() && snapshot.graph().standalone()) {
            return "";
        }
        String project = snapshot.hasGraph() ? snapshot.graph().projects().stream()
                .filter(info -> file.equals(info.file())).map(ProjectInfo::name).findFirst().orElse(null) : null;
        if (project == null) {
            project = lines.project();
        }
        return project == null || project.isEmpty() ? "" : project + ":";
    }
}
