package dev.same.cli.render;

/** Durations as the reference prints them: "3ms" for cache hits, "1.2s" or "2m3.4s" for runs. */
public final class Durations {
    private Durations() {
    }

    public static String millis(long millis) {
        return millis + "ms";
    }

    /** As the original's linear output: "Nms" under a second, "N.Ns" from a second on (no minutes). */
    public static String of(long millis) {
        return millis < 1000 ? millis(millis) : Decimal.oneDecimal(millis, 1000) + "s";
    }

    public static String seconds(long millis) {
        if (millis < 60_000) {
            return Decimal.oneDecimal(millis, 1000) + "s";
        }
        long minutes = millis / 60_000;
        return minutes + "m" + Decimal.oneDecimal(millis - minutes * 60_000, 1000) + "s";
    }
}
