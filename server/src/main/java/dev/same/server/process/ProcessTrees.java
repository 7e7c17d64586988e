package dev.same.server.process;

import java.util.List;

/** Ends a process together with everything it started. */
public final class ProcessTrees {
    private ProcessTrees() {
    }

    /**
     * Kills the process and its descendants: listed first (once the parent is gone they are re-parented), killed
     * parent first, so a shell does not report its children's deaths into the output.
     */
    public static void kill(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
