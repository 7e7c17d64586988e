package dev.same.intellij.core.model;

import dev.same.protocol.ConfigError;
import dev.same.protocol.client.RemoteException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration error a user-error answer (-32001) describes, located where its context says: a line
 * {@code at packages/app/same.yaml:8}, {@code at packages/lib/same.yaml} (line 0), or a message
 * {@code … in packages/app/same.yaml at line 5}.
 */
public final class ConfigErrors {
    private static final Pattern CONTEXT_LOCATION = Pattern.compile("^at (.+?):(\\d+)(?::\\d+)?$");
    private static final Pattern CONTEXT_FILE = Pattern.compile("^at (\\S.*\\.ya?ml)$");
    private static final Pattern MESSAGE_LOCATION = Pattern.compile("\\bin (\\S+\\.ya?ml) at line (\\d+)");

    private ConfigErrors() {
    }

    public static ConfigError fromUserError(RemoteException error) {
        for (String line : error.context()) {
            Matcher match = CONTEXT_LOCATION.matcher(line.strip());
            if (match.matches()) {
                return new ConfigError(match.group(1), Integer.parseInt(match.group(2)), error.getMessage(),
                        error.context());
            }
        }
        for (String line : error.context()) {
            Matcher match = CONTEXT_FILE.matcher(line.strip());
            if (match.matches()) {
                return new ConfigError(match.group(1), 0, error.getMessage(), error.context());
            }
        }
        Matcher match = MESSAGE_LOCATION.matcher(error.getMessage());
        if (match.find()) {
            return new ConfigError(match.group(1), Integer.parseInt(match.group(2)), error.getMessage(),
                    error.context());
        }
        return new ConfigError(null, 0, error.getMessage(), error.context());
    }

    /** One line for a tooltip or an annotation: the message and its context, without the location lines. */
    public static String describe(ConfigError error) {
        var context = (error.context() == null ? java.util.List.<String>of() : error.context()).stream()
                .filter(line -> !line.startsWith("at ")).toList();
        return context.isEmpty() ? error.message() : error.message() + " (" + String.join("; ", context) + ")";
    }
}
