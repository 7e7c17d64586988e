package dev.same.server.service;

import dev.same.protocol.GraphInvalidated;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.Health;
import dev.same.protocol.HealthStatus;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.Subscription;
import dev.same.server.state.LiveWorkspace;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The clients that asked for workspace pushes, and which ones. */
public final class Subscribers implements LiveWorkspace.Pushes {
    private final Map<SameClientApi, Set<Subscription>> clients = new ConcurrentHashMap<>();

    public void subscribe(SameClientApi client, List<Subscription> subscriptions) {
        clients.put(client, subscriptions == null ? EnumSet.allOf(Subscription.class) : Set.copyOf(subscriptions));
    }

    /**
     * Tells a client that just subscribed to health what it missed: a watcher that is already degraded
     * (pushed once when it happened, possibly before this client connected).
     */
    public void sendCurrentHealth(SameClientApi client, Health current) {
        Set<Subscription> kinds = clients.get(client);
        if (current != null && current.status() != HealthStatus.OK && kinds != null && kinds.contains(Subscription.HEALTH)) {
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
        send(Subscription.HASHES, client -> client.hashesChanged(change));
    }

    @Override
    public void graphInvalidated(GraphInvalidated change) {
        send(Subscription.GRAPH, client -> client.graphInvalidated(change));
    }

    @Override
    public void health(Health health) {
        send(Subscription.HEALTH, client -> client.health(health));
    }

    private void send(Subscription kind, java.util.function.Consumer<SameClientApi> push) {
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
