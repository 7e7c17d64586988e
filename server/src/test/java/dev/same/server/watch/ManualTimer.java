package dev.same.server.watch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Virtual time for tests: scheduled work runs only when the test advances the clock past it. */
public final class ManualTimer implements Timer, InstantSource {
    private record Job(Instant due, Runnable task, boolean[] cancelled) {
    }

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final List<Job> jobs = new ArrayList<>();

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        jobs.add(new Job(now.plus(delay), task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    /** Moves time forward, running every job that falls due, in order. */
    public void advance(Duration duration) {
        Instant end;
        synchronized (this) {
            end = now.plus(duration);
        }
        while (true) {
            Job next;
            synchronized (this) {
                next = jobs.stream().filter(j -> !j.due().isAfter(end))
                        .min(Comparator.comparing(Job::due)).orElse(null);
                if (next == null) {
                    now = end;
                    return;
                }
                jobs.remove(next);
                now = next.due();
            }
            if (!next.cancelled()[0]) {
                next.task().run();
            }
        }
    }
}
