package dev.same.protocol;

/** What a task looks like right now, between runs. */
public enum TaskState {
    /** Its current hash has a successful cache entry: running it would be a cache hit. */
    CLEAN,
    /** Its current hash has no successful cache entry: running it would execute it. */
    DIRTY,
    /** A run is executing it now. */
    RUNNING,
    /** Its last execution in this daemon failed and nothing it depends on changed since. */
    FAILED,
    /** Its hash cannot be computed now (an input is missing, a dependency is unknown). */
    UNKNOWN
}
