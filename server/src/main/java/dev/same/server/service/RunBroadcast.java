package dev.same.server.service;

import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.SameClientApi;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every push of one live run, kept in order so that a client attaching later can catch up from any message,
 * and forwarded to each subscribed client.
 */
final class RunBroadcast implements SameClientApi {
    private final Consumer<RunEvent> observer;
    private final List<Object> messages = new ArrayList<>();
    private final List<SameClientApi> subscribers = new CopyOnWriteArrayList<>();

    /** @param observer sees every event first (the engine tracks task states with it) */
    RunBroadcast(Consumer<RunEvent> observer) {
        this.observer = observer;
    }

    @Override
    public void runEvent(RunEvent event) {
        observer.accept(event);
        publish(event);
    }

    @Override
    public void runOutput(RunOutput output) {
        publish(output);
    }

    private void publish(Object message) {
        List<SameClientApi> targets;
        synchronized (this) {
            messages.add(message);
            targets = List.copyOf(subscribers);
        }
        targets.forEach(client -> deliver(client, message));
    }

    /** Replays the messages from index {@code from}, then keeps {@code client} subscribed. */
    void subscribe(SameClientApi client, long from) {
        List<Object> backlog;
        synchronized (this) {
            int start = (int) Math.min(Math.max(from, 0), messages.size());
            backlog = new ArrayList<>(messages.subList(start, messages.size()));
            subscribers.add(client);
        }
        backlog.forEach(message -> deliver(client, message));
    }

    void unsubscribe(SameClientApi client) {
        subscribers.remove(client);
    }

    private static void deliver(SameClientApi client, Object message) {
        try {
            switch (message) {
                case RunEvent event -> client.runEvent(event);
                case RunOutput output -> client.runOutput(output);
                default -> throw new IllegalStateException("not a run message: " + message);
            }
        } catch (RuntimeException clientGone) {
            // a client that went away must not stop the run or the other clients
        }
    }
}
