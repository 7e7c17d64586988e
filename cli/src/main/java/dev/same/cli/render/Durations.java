package dev.same.cli.render;

import dev.same.protocol.RunEvent;

/** Durations as the reference prints them: "3ms" for cache hits, "1.2s" or "2m3.4s" for runs. */
public final class Durations {
    private Durations() {
    }

    public static String millis(long millis) {
        return millis + "ms";
    }

    /** As the original's inspect view: "Nms" under a second (truncated), "N.Ns" from a second on (no minutes). */
    public static String of(long millis) {
        return millis < 1000 ? millis(millis) : Decimal.oneDecimal(millis, 1000) + "s";
    }

    /**
     * As the original's linear output prints a Go duration: "Nµs" under a millisecond, "Nms" (rounded half up)
     * under a second, "N.Ns" from a second on.
     */
    public static String ofMicros(long micros) {
        if (micros < 1000) {
            return micros + "µs";
        }
        return micros < 1_000_000 ? millis((micros + 500) / 1000) : Decimal.oneDecimal(micros, 1_000_000) + "s";
    }

    /** A finished task's time for the linear output: to the microsecond when the server sent it. */
    public static String of(RunEvent event) {
        return event.durationMicros() != null ? ofMicros(event.durationMicros()) : of(event.durationMillis());
    }

    public static String seconds(long millis) {
        if (millis < 60_000) {
            return Decimal.oneDecimal(millis, 1000) + "s";
        }
        long minutes = millis / 60_000;
        return minutes + "m" + Decimal.oneDecimal(millis - minutes * 60_000, 1000) + "s";
    }
}
