package dev.same.server.state;

import dev.same.protocol.client.PrivateFiles;
import dev.same.protocol.TaskStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which tasks runs are executing now, and the hashes at which tasks last failed. The failures are kept in a
 * file (one "hash task" line each), so that "failed" survives the daemon and an in-process status agrees.
 */
public final class RunTracker {
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, String> failedAt = new ConcurrentHashMap<>();
    private final Path file;

    /** Failures in memory only. */
    public RunTracker() {
        this(null);
    }

    /** @param file where failures are kept; read now, rewritten on every change (null: memory only) */
    public RunTracker(Path file) {
        this.file = file;
        load();
    }

    public void started(String task) {
        running.add(task);
    }

    public void finished(String task, TaskStatus status, String hash) {
        running.remove(task);
        boolean changed = false;
        if (status == TaskStatus.FAILED && hash != null) {
            changed = !hash.equals(failedAt.put(task, hash));
        } else if (status == TaskStatus.OK || status == TaskStatus.CACHED) {
            changed = failedAt.remove(task) != null;
        }
        if (changed) {
            save();
        }
    }

    public boolean isRunning(String task) {
        return running.contains(task);
    }

    /** Whether the task's last execution, at exactly this hash, failed. */
    public boolean failedAt(String task, String hash) {
        return hash != null && hash.equals(failedAt.get(task));
    }

    /** Reads the failures again, as another process (a run without the daemon) may have recorded some. */
    public synchronized void reload() {
        if (file != null) {
            Map<String, String> onDisk = read();
            failedAt.keySet().retainAll(onDisk.keySet()); // never empty in between: readers may look meanwhile
            failedAt.putAll(onDisk);
        }
    }

    private void load() {
        failedAt.putAll(read());
    }

    private Map<String, String> read() {
        Map<String, String> recorded = new TreeMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return recorded;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    recorded.put(line.substring(space + 1), line.substring(0, space));
                }
            }
        } catch (IOException e) {
            // only a memory of failures: without it they show as dirty
        }
        return recorded;
    }

    private synchronized void save() {
        if (file == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(failedAt).forEach((task, hash) -> text.append(hash).append(' ').append(task).append('\n'));
        try {
            PrivateFiles.createDirectories(file.getParent());
            Path temp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            PrivateFiles.write(temp, text.toString().getBytes(StandardCharsets.UTF_8));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // as above: losing it only turns "failed" into "dirty"
        }
    }
}
