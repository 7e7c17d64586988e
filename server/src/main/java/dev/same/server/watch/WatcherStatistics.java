package dev.same.server.watch;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the watcher, for {@code same daemon status --verbose}. */
public final class WatcherStatistics {
    final AtomicLong directories = new AtomicLong();
    final AtomicLong events = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong rescans = new AtomicLong();

    public long directories() {
        return directories.get();
    }

    public long events() {
        return events.get();
    }

    public long batches() {
        return batches.get();
    }

    public long rescans() {
        return rescans.get();
    }
}
