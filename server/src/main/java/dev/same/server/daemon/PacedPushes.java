package dev.same.server.daemon;

import dev.same.protocol.GraphInvalidated;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.Health;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.SameClientApi;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One client's pushes, a task's output first waiting for room in the client's writer: the thread that reads
 * the task's output blocks, the task's pipe fills, and the task waits for the client, as it would for a
 * terminal. Everything else is small and goes out at once.
 */
record PacedPushes(SameClientApi client, BoundedAsyncOutputStream writer) implements SameClientApi {

    @Override
    public void runOutput(RunOutput output) {
        try {
            writer.awaitRoom();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the client is gone; the run goes on for its other clients
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // sent without waiting: the run is being torn down
        }
        client.runOutput(output);
    }

    @Override
    public void runEvent(RunEvent event) {
        client.runEvent(event);
    }

    @Override
    public void hashesChanged(HashesChanged change) {
        client.hashesChanged(change);
    }

    @Override
    public void graphInvalidated(GraphInvalidated change) {
        client.graphInvalidated(change);
    }

    @Override
    public void health(Health health) {
        client.health(health);
    }
}
