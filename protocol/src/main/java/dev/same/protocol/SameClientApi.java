package dev.same.protocol;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;

/** Notifications the daemon pushes to a client. */
public interface SameClientApi {

    @JsonNotification("run/event")
    void runEvent(RunEvent event);

    @JsonNotification("run/output")
    void runOutput(RunOutput output);

    /** Tasks whose hash or state changed (daemon only). */
    @JsonNotification("workspace/hashesChanged")
    default void hashesChanged(HashesChanged change) {
    }

    /** A config file changed and the graph was reloaded (daemon only). */
    @JsonNotification("workspace/graphInvalidated")
    default void graphInvalidated(GraphInvalidated change) {
    }

    /** The watcher degraded or recovered; the daemon is shutting down. */
    @JsonNotification("daemon/health")
    default void health(Health health) {
    }
}
