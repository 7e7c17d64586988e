package dev.same.protocol;

import java.util.List;

/**
 * A configuration error, located for editors (Problems panel).
 *
 * @param file    relative to the workspace root; null if unknown
 * @param line    1-based; 0 if unknown
 * @param message what the CLI prints after {@code ✗ Error:}
 * @param context further lines (hints, locations)
 */
public record ConfigError(@Nullable String file, int line, String message, @Nullable List<String> context) {
}
