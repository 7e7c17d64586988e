package dev.same.protocol.client;

import java.util.List;

/**
 * An error the user caused and can fix (no workspace here, a bad setting, a bad config...): shown as its message on
 * one line and its context lines after it, never as a stack trace. The server's own user errors are of this kind too,
 * so every client reports both alike.
 */
public class UserError extends RuntimeException {
    private final List<String> context;

    public UserError(String message) {
        this(message, List.of(), null);
    }

    public UserError(String message, List<String> context) {
        this(message, context, null);
    }

    public UserError(String message, List<String> context, Throwable cause) {
        super(message, cause);
        this.context = List.copyOf(context);
    }

    /** Extra lines that locate the problem or say what to do. */
    public List<String> context() {
        return context;
    }
}
