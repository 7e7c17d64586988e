package dev.same.protocol;

/**
 * {@code initialize}: the first request on every connection.
 *
 * @param protocolVersion {@link Protocol#VERSION} of the client
 * @param clientName      "cli", "vscode", "intellij"...
 * @param clientVersion   the client's build; a CLI whose build differs from the daemon's replaces the daemon
 * @param root            the workspace root the client means (the daemon checks it serves that root)
 * @param subscriptions   which pushes it wants beyond its own runs; null means all
 */
public record InitializeParams(int protocolVersion, String clientName, String clientVersion, String root,
                               @Nullable java.util.List<Subscription> subscriptions) {
}
