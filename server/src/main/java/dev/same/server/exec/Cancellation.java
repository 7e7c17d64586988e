package dev.same.server.exec;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A run's cancellation flag, with the callbacks (process kills) that make it take effect. */
public final class Cancellation {
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        onCancel.forEach(Runnable::run);
    }

    /** Runs {@code action} on cancellation, at once if already cancelled. Returns a handle to unregister. */
    public AutoCloseable onCancel(Runnable action) {
        onCancel.add(action);
        if (cancelled) {
            action.run();
        }
        return () -> onCancel.remove(action);
    }
}
