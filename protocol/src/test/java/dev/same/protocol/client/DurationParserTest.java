package dev.same.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

    @Test
    void parsesWhatPeopleWrite() {
        assertEquals(Duration.ofSeconds(90), DurationParser.parse("90s"));
        assertEquals(Duration.ofHours(3), DurationParser.parse("3h"));
        assertEquals(Duration.ofMinutes(90), DurationParser.parse("1h30m"));
        assertEquals(Duration.ofMillis(500), DurationParser.parse("500ms"));
        assertEquals(Duration.ofMinutes(15), DurationParser.parse("15m"));
        assertEquals(Duration.ofDays(2), DurationParser.parse("2d"));
        assertEquals(Duration.ofSeconds(3723), DurationParser.parse("1h2m3s"));
        assertEquals(Duration.ofSeconds(2), DurationParser.parse(" 2s "));
        assertEquals(Duration.ZERO, DurationParser.parse("0s"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "10", "5x", "s", "1h 30m", "-5s", "1.5h", "3H", "ms500",
            "99999999999999999999s", "9999999999999999d"})
    void refusesAnythingElseWithAMessage(String text) {
        UserError error = assertThrows(UserError.class, () -> DurationParser.parse(text));
        assertTrue(error.getMessage().startsWith("invalid duration '" + text + "'"), error.getMessage());
        assertFalse(error.context().isEmpty(), "says how to write one");
        assertTrue(error.context().getFirst().contains("90s"), error.context().toString());
    }

    @Test
    void formatsForPeople() {
        assertEquals("0s", DurationParser.format(Duration.ZERO));
        assertEquals("500ms", DurationParser.format(Duration.ofMillis(500)));
        assertEquals("2s", DurationParser.format(Duration.ofSeconds(2)));
        assertEquals("1m30s", DurationParser.format(Duration.ofSeconds(90)));
        assertEquals("15m", DurationParser.format(Duration.ofMinutes(15)));
        assertEquals("3h", DurationParser.format(Duration.ofHours(3)));
        assertEquals("1h30m", DurationParser.format(Duration.ofMinutes(90)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"500ms", "2s", "1m30s", "15m", "3h", "1h30m"})
    void formatAndParseRoundTrip(String text) {
        assertEquals(text, DurationParser.format(DurationParser.parse(text)));
    }
}
