package dev.same.server.service;

import dev.same.protocol.GraphInvalidated;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.Health;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.SameClientApi;

/**
 * Forwards pushes to a client proxy set later: a JSON-RPC launcher needs the service before it can create the
 * proxy of the peer, and the service needs somewhere to push.
 */
public final class ForwardingClient implements SameClientApi {
    private volatile SameClientApi target;

    public void setTarget(SameClientApi target) {
        this.target = target;
    }

    @Override
    public void runEvent(RunEvent event) {
        target.runEvent(event);
    }

    @Override
    public void runOutput(RunOutput output) {
        target.runOutput(output);
    }

    @Override
    public void hashesChanged(HashesChanged change) {
        target.hashesChanged(change);
    }

    @Override
    public void graphInvalidated(GraphInvalidated change) {
        target.graphInvalidated(change);
    }

    @Override
    public void health(Health health) {
        target.health(health);
    }
}
