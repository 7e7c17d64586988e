package dev.same.intellij.core.console;

/** RGB values for the ANSI colours, readable on light and dark editor themes alike (the VS Code terminal's). */
public final class AnsiPalette {
    private static final int[] RGB = {
        0x000000, 0xcd3131, 0x0dbc79, 0xe5e510, 0x2472c8, 0xbc3fbc, 0x11a8cd, 0xe5e5e5,
        0x666666, 0xf14c4c, 0x23d18b, 0xf5f543, 0x3b8eea, 0xd670d6, 0x29b8db, 0xffffff,
    };

    private AnsiPalette() {
    }

    public static int rgb(AnsiColor color) {
        return RGB[color.ordinal()];
    }
}
