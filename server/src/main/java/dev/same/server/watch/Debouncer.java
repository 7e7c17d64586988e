package dev.same.server.watch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Coalesces bursts of file events: a batch is delivered once no event arrived for {@code quiet}, or at the
 * latest {@code maxDelay} after its first event, so a long stream of writes still produces timely updates.
 */
public final class Debouncer {
    private final Duration quiet;
    private final Duration maxDelay;
    private final Timer timer;
    private final InstantSource clock;
    private final Consumer<ChangeBatch> sink;
    private Set<String> pending = new TreeSet<>();
    private boolean rescan;
    private Instant firstEvent;
    private Timer.Cancellable scheduled;

    public Debouncer(Duration quiet, Duration maxDelay, Timer timer, InstantSource clock,
                     Consumer<ChangeBatch> sink) {
        this.quiet = quiet;
        this.maxDelay = maxDelay;
        this.timer = timer;
        this.clock = clock;
        this.sink = sink;
    }

    public synchronized void changed(String path) {
        pending.add(path);
        reschedule();
    }

    /**
     * A change someone is waiting for (a {@link ReadYourWrites} cookie): the batch, with everything seen before it, is
     * delivered at once instead of after the quiet period. Events arrive in order, so nothing written before
     * the cookie is left out.
     */
    public synchronized void changedAwaited(String path) {
        pending.add(path);
        if (firstEvent == null) {
            firstEvent = clock.instant();
        }
        if (scheduled != null) {
            scheduled.cancel();
        }
        scheduled = timer.schedule(Duration.ZERO, this::flush);
    }

    /** Events were lost: the next batch asks for a full rescan. */
    public synchronized void lost() {
        rescan = true;
        reschedule();
    }

    private void reschedule() {
        Instant now = clock.instant();
        if (firstEvent == null) {
            firstEvent = now;
        }
        if (scheduled != null) {
            scheduled.cancel();
        }
        Duration untilCap = maxDelay.minus(Duration.between(firstEvent, now));
        Duration delay = untilCap.compareTo(quiet) < 0 ? (untilCap.isNegative() ? Duration.ZERO : untilCap) : quiet;
        scheduled = timer.schedule(delay, this::flush);
    }

    private void flush() {
        ChangeBatch batch;
        synchronized (this) {
            if (pending.isEmpty() && !rescan) {
                return;
            }
            batch = new ChangeBatch(Set.copyOf(pending), rescan);
            pending = new TreeSet<>();
            rescan = false;
            firstEvent = null;
            scheduled = null;
        }
        sink.accept(batch);
    }
}
