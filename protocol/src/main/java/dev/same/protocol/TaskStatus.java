package dev.same.protocol;

/** How a task ended in a run. */
public enum TaskStatus {
    /** Ran and succeeded. */
    OK,
    /** Its hash had a cache entry: not run (outputs restored if needed). */
    CACHED,
    /** Ran and failed, or could not start. */
    FAILED,
    /** Not run because a dependency failed. */
    SKIPPED,
    /** Stopped by a cancellation; nothing recorded. */
    CANCELLED
}
