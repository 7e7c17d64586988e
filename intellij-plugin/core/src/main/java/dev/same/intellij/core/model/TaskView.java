package dev.same.intellij.core.model;

import dev.same.protocol.TaskInfo;
import dev.same.protocol.TaskState;
import java.util.List;

/** A task as the views show it: its definition and its live state with the reasons for it. */
public record TaskView(TaskInfo info, TaskState state, List<String> reasons) {

    public String id() {
        return info.id();
    }

    public String name() {
        return info.name();
    }
}
