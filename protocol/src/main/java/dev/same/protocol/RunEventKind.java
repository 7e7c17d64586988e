package dev.same.protocol;

public enum RunEventKind {
    /** The run's tasks are known: {@link RunEvent#tasks()} in execution order. */
    PLANNED,
    TASK_STARTED,
    TASK_FINISHED,
    /** The last event of a run: {@link RunEvent#success()}. */
    RUN_FINISHED
}
