package dev.same.server.service;

import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.SameClientApi;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every push of one live run, kept in order so that a client attaching later can catch up from any message,
 * and forwarded to each subscribed client. Of the output, only the newest {@value #KEPT_OUTPUT_CHARS}
 * characters are kept: a task printing gigabytes must not fill the daemon's memory.
 */
final class RunBroadcast implements SameClientApi {
    static final long KEPT_OUTPUT_CHARS = 16L * 1024 * 1024;

    private final Consumer<RunEvent> observer;
    /** Output dropped from the backlog is null here, so that message indices stay those of the run. */
    private final List<Object> messages = new ArrayList<>();
    private final List<SameClientApi> subscribers = new CopyOnWriteArrayList<>();
    private long keptOutputChars; // guarded by this
    private int oldestKept; // guarded by this: no output is kept before this index

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
            if (message instanceof RunOutput output) {
                keptOutputChars += output.text().length();
                dropOldestOutput();
            }
            targets = List.copyOf(subscribers);
        }
        targets.forEach(client -> deliver(client, message));
    }

    private void dropOldestOutput() {
        while (keptOutputChars > KEPT_OUTPUT_CHARS) {
            if (messages.get(oldestKept) instanceof RunOutput oldest) {
                keptOutputChars -= oldest.text().length();
                messages.set(oldestKept, null);
            }
            oldestKept++;
        }
    }

    /** Replays the messages from index {@code from} (events, and the output still kept), then subscribes. */
    void subscribe(SameClientApi client, long from) {
        List<Object> backlog;
        synchronized (this) {
            int start = (int) Math.min(Math.max(from, 0), messages.size());
            backlog = messages.subList(start, messages.size()).stream().filter(Objects::nonNull).toList();
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
