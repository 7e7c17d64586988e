package dev.same.protocol;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;

/** Notifications the daemon pushes to a client. */
public interface SameClientApi {

    @JsonNotification("run/event")
    void runEvent(RunEvent event);

    @JsonNotification("run/output")
    void runOutput(RunOutput output);
}
