package dev.same.server.config;

/** Where a task's results may be kept: {@code cache: false} and {@code remote: false} on a task. */
public enum Caching {
    /** The local cache and, when one is configured, the remote one. */
    SHARED,
    /** The local cache only: the results never leave the machine ({@code remote: false}). */
    LOCAL,
    /** Never looked up, never recorded ({@code cache: false}): the task runs every time. */
    NONE;

    public boolean local() {
        return this != NONE;
    }

    public boolean remote() {
        return this == SHARED;
    }
}
