package dev.same.intellij.core.connection;

import java.time.Duration;

/** Runs work later: a thread pool in the IDE, virtual time in tests. */
public interface Scheduler {

    /** Runs {@code task} after {@code delay} (zero: as soon as possible, never on the caller's stack). */
    Cancellable schedule(Runnable task, Duration delay);

    /** A scheduled task that may still be called off. */
    interface Cancellable {
        void cancel();
    }
}
