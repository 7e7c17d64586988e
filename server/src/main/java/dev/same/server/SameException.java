package dev.same.server;

import dev.same.protocol.client.UserError;
import java.util.List;

/**
 * An error the user caused and can fix in the engine's domain (bad config, unknown task, missing input...).
 * Its message is shown as one line, with no stack trace; {@link #context()} lines follow it.
 */
public class SameException extends UserError {
    public SameException(String message) {
        super(message);
    }

    public SameException(String message, List<String> context) {
        super(message, context);
    }

    public SameException(String message, List<String> context, Throwable cause) {
        super(message, context, cause);
    }
}
