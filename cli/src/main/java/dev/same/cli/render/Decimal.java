package dev.same.cli.render;

/**
 * Numbers with one decimal, rounded half up, as {@code String.format("%.1f")} prints them in the root locale.
 * The CLI's hot paths avoid the formatter: its first floating-point use loads locale data, a visible part of
 * a warm command.
 */
public final class Decimal {
    private Decimal() {
    }

    /** {@code numerator / denominator} (both at least zero) with one decimal, e.g. 1250 / 1000 is "1.3". */
    public static String oneDecimal(long numerator, long denominator) {
        long tenths = (numerator * 10 + denominator / 2) / denominator;
        return tenths / 10 + "." + tenths % 10;
    }
}
