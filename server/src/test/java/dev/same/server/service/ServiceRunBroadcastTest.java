package dev.same.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.SameClientApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run's backlog for clients attaching late: every event, and only the newest output, however much there is. */
class ServiceRunBroadcastTest {
    private static final String CHUNK = "x".repeat(64 * 1024 - 1) + "\n";

    @Test
    void aLateClientGetsEveryEventAndTheNewestOutputOnlyInOrder() {
        RunBroadcast broadcast = new RunBroadcast(event -> { });
        broadcast.runEvent(RunEvent.planned("r", List.of("t"), List.of()));
        broadcast.runEvent(RunEvent.taskStarted("r", "t", "h"));
        long chunks = 4 * RunBroadcast.KEPT_OUTPUT_CHARS / CHUNK.length(); // 64 MiB printed
        for (long i = 0; i < chunks; i++) {
            broadcast.runOutput(new RunOutput("r", "t", i * CHUNK.length(), CHUNK, false));
        }
        broadcast.runEvent(RunEvent.runFinished("r", true, 1));

        List<Object> received = new ArrayList<>();
        broadcast.subscribe(recorder(received), 0);

        List<RunOutput> output = received.stream().filter(RunOutput.class::isInstance).map(RunOutput.class::cast)
                .toList();
        assertEquals(3, received.size() - output.size(), "every event");
        assertEquals(RunBroadcast.KEPT_OUTPUT_CHARS / CHUNK.length(), output.size(), "the newest 16 MiB of output");
        assertEquals((chunks - 1) * CHUNK.length(), output.getLast().offset());
        for (int i = 1; i < output.size(); i++) {
            assertEquals(output.get(i - 1).offset() + CHUNK.length(), output.get(i).offset(), "in order");
        }
        assertTrue(received.getLast() instanceof RunEvent last && last.success());
    }

    @Test
    void aClientAttachingFromAMessageIndexStartsThere() {
        RunBroadcast broadcast = new RunBroadcast(event -> { });
        for (int i = 0; i < 10; i++) {
            broadcast.runOutput(new RunOutput("r", "t", i, "line " + i + "\n", false));
        }
        List<Object> received = new ArrayList<>();
        broadcast.subscribe(recorder(received), 7);
        assertEquals(List.of(7L, 8L, 9L), received.stream().map(m -> ((RunOutput) m).offset()).toList());
    }

    private static SameClientApi recorder(List<Object> received) {
        return new SameClientApi() {
            @Override
            public void runEvent(RunEvent event) {
                received.add(event);
            }

            @Override
            public void runOutput(RunOutput output) {
                received.add(output);
            }
        };
    }
}
