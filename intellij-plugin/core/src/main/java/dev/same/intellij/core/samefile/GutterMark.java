package dev.same.intellij.core.samefile;

import dev.same.intellij.core.model.StateIcon;

/**
 * The mark on one task's line of a same.yaml: the task, its state icon and tooltip; {@code runnable} is false
 * while the daemon does not know the task (typed but not saved, or the file is invalid).
 */
public record GutterMark(TaskLine line, String taskId, StateIcon icon, String tooltip, boolean runnable) {
}
