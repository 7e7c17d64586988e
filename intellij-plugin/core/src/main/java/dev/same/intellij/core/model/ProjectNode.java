package dev.same.intellij.core.model;

import dev.same.protocol.ProjectInfo;
import java.util.List;

/** A project of the tool window's tree with its tasks, by name. */
public record ProjectNode(ProjectInfo info, List<TaskView> tasks) {
}
