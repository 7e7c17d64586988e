package dev.same.server.service;

import dev.same.protocol.GraphInvalidated;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.Health;
import dev.same.protocol.HealthStatus;
import dev.same.protocol.SameClientApi;
import dev.same.server.state.LiveWorkspace;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The clients that asked for workspace pushes, and which ones: "hashes", "graph", "health". */
public final class Subscribers implements LiveWorkspace.Pushes {
    public static final Set<String> ALL = Set.of("hashes", "graph", "health");
    private final Map<SameClientApi, Set<String>> clients = new ConcurrentHashMap<>();

    public void subscribe(SameClientApi client, List<String> subscriptions) {
        clients.put(client, subscriptions == null ? ALL : Set.copyOf(subscriptions));
    }

    /**
     * Tells a client that just subscribed to "health" what it missed: a watcher that is already degraded
     * (pushed once when it happened, possibly before this client connected).
     */
    public void sendCurrentHealth(SameClientApi client, Health current) {
        Set<String> kinds = clients.get(client);
        if (current != null && current.status() != HealthStatus.OK && kinds != null && kinds.contains("health")) {
            try {
                client.health(current);
            } catch (RuntimeException gone) {
                // disconnected meanwhile
            }
        }
    }

    public void unsubscribe(SameClientApi client) {
        clients.remove(client);
    }

    @Override
    public void hashesChanged(HashesChanged change) {
        send("hashes", client -> client.hashesChanged(change));
    }

    @Override
    public void graphInvalidated(GraphInvalidated change) {
        send("graph", client -> client.graphInvalidated(change));
    }

    @Override
    public void health(Health health) {
        send("health", client -> client.health(health));
    }

    private void send(String kind, java.util.function.Consumer<SameClientApi> push) {
        clients.forEach((client, kinds) -> {
            if (kinds.contains(kind)) {
                try {
                    push.accept(client);
                } catch (RuntimeException gone) {
                    // a disconnecting client must not stop the others' pushes
                }
            }
        });
    }
}
