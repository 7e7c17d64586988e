package dev.same.cli.connect;

import dev.same.protocol.client.UserError;
import dev.same.protocol.SameServerApi;
import dev.same.protocol.client.SameClient;
import java.util.concurrent.CompletableFuture;

/** A connection to a server, in the daemon or in this process; both speak the same protocol. */
public record ServerSession(SameClient client, boolean daemon, AutoCloseable onClose) implements AutoCloseable {

    public SameServerApi server() {
        return client.server();
    }

    /** Completes when the connection ends. */
    CompletableFuture<Void> closed() {
        return client.closed();
    }

    /** Waits for the answer, failing clearly if the connection ends first. */
    public <T> T request(CompletableFuture<T> answer) throws Exception {
        CompletableFuture.anyOf(answer, closed()).get();
        if (!answer.isDone()) {
            throw new UserError("lost the connection to the daemon",
                    java.util.List.of("see .same/daemon/daemon.log; --no-daemon runs without it"));
        }
        return answer.get();
    }

    @Override
    public void close() {
        client.close();
        try {
            onClose.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
