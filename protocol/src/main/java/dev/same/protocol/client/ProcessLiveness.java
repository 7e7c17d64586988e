package dev.same.protocol.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a process still runs, by pid. {@link ProcessHandle#isAlive} counts a zombie (dead, not yet reaped by its
 * parent) as alive, and a daemon is reaped by init, which some containers' init does only every few seconds: a
 * daemon killed with -9 has let go of its lock and its files at once, but would count as running (or as still
 * starting, or as the live owner of its tasks and temporary files) for that long.
 */
public final class ProcessLiveness {
    private ProcessLiveness() {
    }

    public static boolean isRunning(long pid) {
        return running(pid).isPresent();
    }

    /** The process with this pid, if it runs. */
    public static Optional<ProcessHandle> running(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> !isZombie(pid));
    }

    /** Whether Linux's {@code /proc/PID/stat} says Z; false where there is no {@code /proc}. */
    public static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int afterName = stat.lastIndexOf(')'); // the name, in parentheses, may itself contain spaces and ')'
            return afterName > 0 && stat.length() > afterName + 2 && stat.charAt(afterName + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
