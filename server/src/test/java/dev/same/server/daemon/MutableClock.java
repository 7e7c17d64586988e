package dev.same.server.daemon;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Virtual time for tests: stands still until advanced. */
final class MutableClock implements InstantSource {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public synchronized Instant instant() {
        return now;
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }
}
