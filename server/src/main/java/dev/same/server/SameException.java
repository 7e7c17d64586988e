package dev.same.server;

/**
 * An error the user caused and can fix (bad config, unknown task, missing input...).
 * Its message is shown as one line, with no stack trace; {@link #context()} lines follow it.
 */
public class SameException extends RuntimeException {
    private final java.util.List<String> context;

    public SameException(String message) {
        this(message, java.util.List.of(), null);
    }

    public SameException(String message, java.util.List<String> context) {
        this(message, context, null);
    }

    public SameException(String message, java.util.List<String> context, Throwable cause) {
        super(message, cause);
        this.context = java.util.List.copyOf(context);
    }

    /** Extra lines that locate the problem or say what to do. */
    public java.util.List<String> context() {
        return context;
    }
}
