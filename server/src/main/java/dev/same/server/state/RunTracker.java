package dev.same.server.state;

import dev.same.protocol.TaskStatus;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which tasks runs are executing now, and the hashes at which tasks last failed. */
public final class RunTracker {
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, String> failedAt = new ConcurrentHashMap<>();

    public void started(String task) {
        running.add(task);
    }

    public void finished(String task, TaskStatus status, String hash) {
        running.remove(task);
        if (status == TaskStatus.FAILED && hash != null) {
            failedAt.put(task, hash);
        } else if (status == TaskStatus.OK || status == TaskStatus.CACHED) {
            failedAt.remove(task);
        }
    }

    public boolean isRunning(String task) {
        return running.contains(task);
    }

    /** Whether the task's last execution, at exactly this hash, failed. */
    public boolean failedAt(String task, String hash) {
        return hash != null && hash.equals(failedAt.get(task));
    }
}
