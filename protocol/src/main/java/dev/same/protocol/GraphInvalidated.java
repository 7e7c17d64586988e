package dev.same.protocol;

/**
 * Pushed as {@code workspace/graphInvalidated}: a config file changed and the graph was reloaded. With an
 * error, the new configuration is invalid and the last valid graph is still being served.
 */
public record GraphInvalidated(long epoch, @Nullable ConfigError error) {
}
