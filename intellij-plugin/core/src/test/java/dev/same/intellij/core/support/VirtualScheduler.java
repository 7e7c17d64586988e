package dev.same.intellij.core.support;

import dev.same.intellij.core.connection.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Scheduler} in virtual time: nothing runs until the test advances the clock. */
public final class VirtualScheduler implements Scheduler {
    private record Entry(long due, long order, Runnable task) {
    }

    private final List<Entry> queue = new ArrayList<>();
    private final List<Duration> requested = new ArrayList<>();
    private long now;
    private long order;

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Entry entry = new Entry(now + delay.toMillis(), order++, task);
        queue.add(entry);
        requested.add(delay);
        return () -> {
            synchronized (this) {
                queue.remove(entry);
            }
        };
    }

    /** Every delay asked for, in order. */
    public synchronized List<Duration> requested() {
        return List.copyOf(requested);
    }

    public synchronized int pending() {
        return queue.size();
    }

    /** Moves the clock forward, running (on this thread) every task that falls due, in due order. */
    public void advance(Duration by) {
        long target;
        synchronized (this) {
            target = now + by.toMillis();
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.stream().filter(entry -> entry.due() <= target)
                        .min(Comparator.comparingLong(Entry::due).thenComparingLong(Entry::order)).orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                queue.remove(next);
                now = next.due();
            }
            next.task().run();
        }
    }
}
