package dev.same.server.exec;

import java.util.SortedMap;

/** What the scheduler does with one task once its dependencies have succeeded. */
@FunctionalInterface
public interface TaskAction {
    /**
     * @param dependencyHashes the hashes of the task's direct dependencies, by id
     * @return how it ended; exceptions are reported as a failure of the task
     */
    TaskResult execute(String taskId, SortedMap<String, String> dependencyHashes, Cancellation cancellation)
            throws Exception;
}
