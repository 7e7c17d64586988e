package dev.same.protocol;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;

/** Notifications the daemon pushes to a client. */
public interface SameClientApi {

    @JsonNotification(Methods.RUN_EVENT)
    void runEvent(RunEvent event);

    @JsonNotification(Methods.RUN_OUTPUT)
    void runOutput(RunOutput output);

    /** Tasks whose hash or state changed (daemon only). */
    @JsonNotification(Methods.HASHES_CHANGED)
    default void hashesChanged(HashesChanged change) {
    }

    /** A config file changed and the graph was reloaded (daemon only). */
    @JsonNotification(Methods.GRAPH_INVALIDATED)
    default void graphInvalidated(GraphInvalidated change) {
    }

    /** The watcher degraded or recovered; the daemon is shutting down. */
    @JsonNotification(Methods.HEALTH)
    default void health(Health health) {
    }
}
