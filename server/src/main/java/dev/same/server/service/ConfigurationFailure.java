package dev.same.server.service;

import dev.same.server.SameException;

/**
 * A configuration that cannot be loaded, as a command reports it: in the original's words
 * ({@code failed to load configuration: ...}), which scripts written for it look for. A message already in its
 * words ({@code failed to parse config file}, {@code failed to read config file}) is kept as it is.
 */
final class ConfigurationFailure {
    private ConfigurationFailure() {
    }

    static SameException of(SameException error) {
        String message = error.getMessage();
        if (message.startsWith("failed to ") || message.startsWith("could not find")) {
            return error;
        }
        return new SameException("failed to load configuration: " + message, error.context(), error);
    }
}
