package dev.same.cli.inspect;

import java.io.IOException;
import java.io.InputStream;

/** Reads keys from a terminal in raw mode: letters, Enter, Esc, and the escape sequences of the arrow keys. */
final class Keys {
    /** The keys the view knows; anything else is {@code OTHER}. */
    enum Key { UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, ENTER, ESC, QUIT, OTHER, CLOSED }

    private final InputStream in;
    private final EscapeWait escapeWait;

    /**
     * Waits briefly for the rest of an escape sequence; an Esc alone is followed by nothing.
     */
    interface EscapeWait {
        /** True when more input arrived within a short while. */
        boolean moreSoon(InputStream in) throws IOException;
    }

    Keys(InputStream in, EscapeWait escapeWait) {
        this.in = in;
        this.escapeWait = escapeWait;
    }

    Key next() throws IOException {
        int c = in.read();
        return switch (c) {
            case -1 -> Key.CLOSED;
            case 'q', 'Q', 3 -> Key.QUIT; // 3: Ctrl-C, which raw mode delivers as a byte
            case 'k' -> Key.UP;
            case 'j' -> Key.DOWN;
            case 'g' -> Key.HOME;
            case 'G' -> Key.END;
            case '\r', '\n', 'l' -> Key.ENTER;
            case 27 -> escape();
            default -> Key.OTHER;
        };
    }

    private Key escape() throws IOException {
        if (!escapeWait.moreSoon(in)) {
            return Key.ESC;
        }
        int second = in.read();
        if (second != '[' && second != 'O') {
            return Key.ESC;
        }
        int third = in.read();
        return switch (third) {
            case 'A' -> Key.UP;
            case 'B' -> Key.DOWN;
            case 'H' -> Key.HOME;
            case 'F' -> Key.END;
            case '5', '6', '1', '4' -> {
                int tilde = in.read();
                yield tilde != '~' ? Key.OTHER : switch (third) {
                    case '5' -> Key.PAGE_UP;
                    case '6' -> Key.PAGE_DOWN;
                    case '1' -> Key.HOME;
                    default -> Key.END;
                };
            }
            default -> Key.OTHER;
        };
    }
}
