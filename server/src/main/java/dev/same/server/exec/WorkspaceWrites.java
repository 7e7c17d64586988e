package dev.same.server.exec;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writes that runs make to one workspace (a task running, outputs being restored), so that a run can tell
 * whether fingerprints computed from the files at some moment are still true: they are when no write was under
 * way at that moment and none began since. Every run on the workspace shares one, so a run also sees the writes of
 * the runs beside it (a task's outputs are often another task's inputs).
 */
public final class WorkspaceWrites {
    /** A moment, as {@link #mark()} saw it. */
    public record Mark(long generation, boolean quiet) {
    }

    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger underWay = new AtomicInteger();

    /** Taken before the files are looked at; see {@link #noneSince(Mark)}. */
    public Mark mark() {
        long seen = generation.get();
        return new Mark(seen, underWay.get() == 0);
    }

    /** Whether no write was under way at the mark and none began since. */
    public boolean noneSince(Mark mark) {
        return mark.quiet() && generation.get() == mark.generation();
    }

    /** A write begins; closing the returned handle ends it. */
    public Write begin() {
        underWay.incrementAndGet();
        generation.incrementAndGet();
        return () -> {
            generation.incrementAndGet();
            underWay.decrementAndGet();
        };
    }

    /** A write under way; close it once, when the write has ended. */
    @FunctionalInterface
    public interface Write extends AutoCloseable {
        @Override
        void close();
    }
}
