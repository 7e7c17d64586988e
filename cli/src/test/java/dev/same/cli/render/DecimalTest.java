package dev.same.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class DecimalTest {
    @Test
    void printsWhatTheFormatterPrints() {
        for (long millis : new long[] {0, 1, 49, 50, 99, 149, 150, 999, 1000, 1049, 1050, 1250, 59_949, 59_950, 123_456_789}) {
            assertEquals(String.format(Locale.ROOT, "%.1f", millis / 1000.0), Decimal.oneDecimal(millis, 1000),
                    Long.toString(millis));
        }
        long mib = 1 << 20;
        for (long bytes : new long[] {0, mib / 20 - 1, mib / 20, 225 * mib + 52_429, 264L * mib, 5L * 1024 * mib}) {
            assertEquals(String.format(Locale.ROOT, "%.1f", bytes / (double) mib), Decimal.oneDecimal(bytes, mib),
                    Long.toString(bytes));
        }
    }

    @Test
    void durationsReadAsTheReferencePrintsThem() {
        assertEquals("3ms", Durations.millis(3));
        assertEquals("1.2s", Durations.seconds(1234));
        assertEquals("0.0s", Durations.seconds(0));
        assertEquals("2m3.4s", Durations.seconds(123_400));
    }

    @Test
    void linearDurationsAreTheOriginals() {
        assertEquals("0ms", Durations.of(0));
        assertEquals("999ms", Durations.of(999));
        assertEquals("1.0s", Durations.of(1000));
        assertEquals("123.4s", Durations.of(123_400));
    }
}
