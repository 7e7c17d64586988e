package dev.same.server.exec;

/** Told when the scheduler gives up on tasks it never started. */
public interface SchedulerListener {
    void notStarted(String taskId, TaskResult result);

    SchedulerListener NONE = (id, result) -> { };
}
