package dev.same.protocol;

/**
 * The daemon's answer to {@code initialize}.
 *
 * @param serverVersion the daemon's build (same format as the CLI's clientVersion)
 */
public record InitializeResult(int protocolVersion, String serverVersion, long pid, String root) {
}
