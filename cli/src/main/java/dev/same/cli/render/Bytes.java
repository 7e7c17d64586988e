package dev.same.cli.render;

/** Byte counts as people read them: "512 B", "1.2 kB", "1.2 MB", "3.4 GB" (powers of 1000). */
public final class Bytes {
    private Bytes() {
    }

    public static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        long scale = 1000;
        int unit = 0;
        while (unit < units.length - 1 && bytes >= scale * 1000 - 50) {
            scale *= 1000;
            unit++;
        }
        return Decimal.oneDecimal(bytes, scale) + " " + units[unit];
    }
}
