package dev.same.protocol.client;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 90s}, {@code 15m}, {@code 3h}, {@code 1h30m}, {@code 500ms}. */
public final class DurationParser {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private DurationParser() {
    }

    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher matcher = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int end = 0;
        try {
            while (matcher.find() && matcher.start() == end) {
                long amount = Long.parseLong(matcher.group(1));
                total = total.plus(switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
                end = matcher.end();
            }
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            throw invalid(text);
        }
        if (trimmed.isEmpty() || end != trimmed.length()) {
            throw invalid(text);
        }
        return total;
    }

    private static UserError invalid(String text) {
        return new UserError("invalid duration '" + text + "'",
                java.util.List.of("use a number with a unit: 500ms, 90s, 15m, 3h, 1h30m"));
    }

    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0 && !duration.isZero()) {
            return duration.toMillis() + "ms";
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m" + (seconds % 60 == 0 ? "" : (seconds % 60) + "s");
        }
        return (seconds / 3600) + "h" + ((seconds % 3600) / 60 == 0 ? "" : ((seconds % 3600) / 60) + "m");
    }
}
