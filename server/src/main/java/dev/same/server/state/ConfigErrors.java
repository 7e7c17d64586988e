package dev.same.server.state;

import dev.same.protocol.ConfigError;
import dev.same.server.SameException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Locates a configuration error for editors: the file and line come from its "at file:line" context, or the file
 * alone from an "at file.yaml" context (line 0: not known).
 */
public final class ConfigErrors {
    private static final Pattern LOCATION = Pattern.compile("^\\s*at (.+?):(\\d+)\\s*$");
    private static final Pattern FILE_ONLY = Pattern.compile("^\\s*at (\\S.*\\.yaml)\\s*$");
    private static final Pattern PREFIXED = Pattern.compile(
            "^(?:failed to parse (?:config file|project config): )?(?:failed to read config file )?(?:invalid YAML in )?"
                    + "([^\\s:]+\\.yaml)(?::(\\d+))?");

    private ConfigErrors() {
    }

    public static ConfigError of(SameException error) {
        String file = null;
        int line = 0;
        for (String context : error.context()) {
            Matcher matcher = LOCATION.matcher(context);
            if (matcher.matches()) {
                file = matcher.group(1);
                line = Integer.parseInt(matcher.group(2));
                break;
            }
        }
        for (int i = 0; file == null && i < error.context().size(); i++) {
            Matcher matcher = FILE_ONLY.matcher(error.context().get(i));
            if (matcher.matches()) {
                file = matcher.group(1);
            }
        }
        if (file == null) {
            Matcher matcher = PREFIXED.matcher(error.getMessage());
            if (matcher.find()) {
                file = matcher.group(1);
                line = matcher.group(2) == null ? lineOf(error.getMessage()) : Integer.parseInt(matcher.group(2));
            }
        }
        return new ConfigError(file, line, error.getMessage(), List.copyOf(error.context()));
    }

    private static int lineOf(String message) {
        Matcher matcher = Pattern.compile("at line (\\d+)").matcher(message);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
