package dev.same.server.watch;

import java.time.Duration;

/** Schedules delayed work; injected so that debouncing and rescans are tested in virtual time. */
public interface Timer {
    /** Runs {@code task} after {@code delay}; the handle cancels it if it has not run yet. */
    Cancellable schedule(Duration delay, Runnable task);

    interface Cancellable {
        void cancel();
    }

    /** A real timer on one scheduler thread. */
    static Timer system() {
        var executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("same-timer").factory());
        return (delay, task) -> {
            var future = executor.schedule(task, delay.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
