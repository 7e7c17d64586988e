package dev.same.server.exec;

import dev.same.protocol.client.ProcessLiveness;
import dev.same.server.process.ProcessTrees;
import dev.same.server.cache.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The task processes a daemon (or an in-process CLI) has running, kept in a file of its own under
 * {@code .same/running/}, so that whoever works on the workspace next can kill those that a killed owner
 * left behind: after a {@code kill -9} of the daemon its tasks would otherwise go on writing their outputs
 * while the next run of the same tasks writes them too. Processes are named by pid and start time, so a pid
 * reused since is never touched; a task's own children are killed with it while it is alive.
 */
public final class RunningTasks {
    /** For code that runs tasks without recording them (tests). */
    public static final RunningTasks NONE = new RunningTasks(null, null);

    private final Path directory;
    private final Path file;
    private final Map<Long, Long> startedMillisByPid = new ConcurrentHashMap<>();

    private RunningTasks(Path directory, Path file) {
        this.directory = directory;
        this.file = file;
    }

    /** The record of this process's tasks in {@code directory}. */
    public static RunningTasks ofThisProcess(Path directory) {
        ProcessHandle self = ProcessHandle.current();
        return new RunningTasks(directory, directory.resolve(self.pid() + "-" + startMillis(self).orElse(0L)));
    }

    public void started(ProcessHandle process) {
        if (file != null) {
            startedMillisByPid.put(process.pid(), startMillis(process).orElse(0L));
            save();
        }
    }

    public void finished(ProcessHandle process) {
        if (file != null && startedMillisByPid.remove(process.pid()) != null) {
            save();
        }
    }

    private synchronized void save() {
        try {
            if (startedMillisByPid.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            StringBuilder lines = new StringBuilder();
            startedMillisByPid.forEach((pid, started) -> lines.append(pid).append(' ').append(started).append('\n'));
            AtomicFiles.write(file, lines.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the record only helps a later owner clean up after a crash; the run goes on without it
        }
    }

    /**
     * Kills the task processes (and their children) recorded by owners that are no longer alive, and forgets
     * those owners' records; returns how many processes were killed. Records of live owners are left alone.
     */
    public static int killLeftBehind(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int killed = 0;
        try (DirectoryStream<Path> records = Files.newDirectoryStream(directory, "[0-9]*-[0-9]*")) {
            for (Path record : records) {
                String[] owner = record.getFileName().toString().split("-");
                if (isAlive(Long.parseLong(owner[0]), Long.parseLong(owner[1]))) {
                    continue;
                }
                for (String line : Files.readAllLines(record, StandardCharsets.US_ASCII)) {
                    String[] task = line.split(" ");
                    if (task.length == 2) {
                        Optional<ProcessHandle> process = alive(Long.parseLong(task[0]), Long.parseLong(task[1]));
                        if (process.isPresent()) {
                            ProcessTrees.kill(process.get());
                            killed++;
                        }
                    }
                }
                Files.deleteIfExists(record);
            }
        } catch (IOException | RuntimeException e) {
            // a record that cannot be read is left for the next start; nothing else depends on it
        }
        return killed;
    }

    /** An owner whose start time is unknown counts as alive while its pid is: its tasks are never killed wrongly. */
    private static boolean isAlive(long pid, long startedMillis) {
        Optional<ProcessHandle> process = ProcessLiveness.running(pid);
        return startedMillis == 0 ? process.isPresent() : process.flatMap(p -> alive(pid, startedMillis)).isPresent();
    }

    /** The process with this pid and start time, if it still runs; never one whose start time is unknown. */
    private static Optional<ProcessHandle> alive(long pid, long startedMillis) {
        return ProcessLiveness.running(pid)
                .filter(process -> startMillis(process).map(started -> started == startedMillis).orElse(false));
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(java.time.Instant::toEpochMilli);
    }
}
