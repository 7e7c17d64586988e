package dev.same.intellij.core.model;

import dev.same.protocol.TaskState;

/** The icon a task's state shows (the platform maps each to an image) and its word for tooltips. */
public enum StateIcon {
    CLEAN("up to date"),
    DIRTY("dirty"),
    RUNNING("running"),
    FAILED("failed"),
    UNKNOWN("unknown");

    private final String word;

    StateIcon(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static StateIcon of(TaskState state) {
        return state == null ? UNKNOWN : valueOf(state.name());
    }

    /** {@code app:build — dirty} and one line per reason. */
    public static String tooltip(TaskView task) {
        StringBuilder text = new StringBuilder(task.id()).append(" — ").append(of(task.state()).word());
        task.reasons().forEach(reason -> text.append('\n').append(reason));
        return text.toString();
    }
}
