package dev.same.intellij.core.connection;

import java.time.Duration;

/** Reconnection delays: {@code initial}, doubled on each failed attempt, capped at {@code max}. */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private int attempts;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10));
    }

    /** The delay before the next attempt; counts the attempt. */
    public Duration next() {
        long factor = 1L << Math.min(attempts, 30);
        attempts++;
        long millis = initial.toMillis() * factor;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    public int attempts() {
        return attempts;
    }

    public void reset() {
        attempts = 0;
    }
}
