package dev.same.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.same.protocol.RunEvent;
import dev.same.protocol.RunEventKind;
import dev.same.protocol.TaskStatus;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The linear output's durations, as the original's linear renderer prints a Go duration. */
class DurationsTest {
    @Test
    void underAMillisecondIsMicrosecondsUnderASecondRoundedMillisecondsThenSeconds() {
        assertEquals("0µs", Durations.ofMicros(0));
        assertEquals("1µs", Durations.ofMicros(1));
        assertEquals("999µs", Durations.ofMicros(999));
        assertEquals("1ms", Durations.ofMicros(1000));
        assertEquals("1ms", Durations.ofMicros(1499));
        assertEquals("2ms", Durations.ofMicros(1500));
        assertEquals("12ms", Durations.ofMicros(12_345));
        assertEquals("1000ms", Durations.ofMicros(999_500), "under a second stays in milliseconds, as in Go");
        assertEquals("1.0s", Durations.ofMicros(1_000_000));
        assertEquals("1.2s", Durations.ofMicros(1_234_567));
        assertEquals("123.4s", Durations.ofMicros(123_400_000));
    }

    @Test
    void aTaskThatTookUnderAMillisecondPrintsMicroseconds() {
        assertEquals(List.of("[group] Starting...", "[group] ~ Cached (skipped in 85µs)", "[app] ✓ Completed in 340µs",
                        "[lib] ✓ Completed in 13ms"),
                linear(RunEvent.taskFinished("r", "group", TaskStatus.CACHED, Duration.ofNanos(85_900), null, false,
                                "h", null),
                        RunEvent.taskFinished("r", "app", TaskStatus.OK, Duration.ofNanos(340_000), null, false, "h",
                                null),
                        RunEvent.taskFinished("r", "lib", TaskStatus.OK, Duration.ofMillis(12).plusNanos(600_000),
                                null, false, "h", null)));
    }

    @Test
    void anEventWithoutMicrosecondsFromAnOlderServerPrintsItsMilliseconds() {
        RunEvent older = new RunEvent("r", RunEventKind.TASK_FINISHED, "app", null, null, TaskStatus.OK, 0L, null,
                null, false, "h", null, null);
        assertEquals(List.of("[app] ✓ Completed in 0ms"), linear(older));
    }

    private static List<String> linear(RunEvent... events) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        LinearRenderer renderer = new LinearRenderer(new Terminal(out, new PrintStream(err, true,
                StandardCharsets.UTF_8), false, false, 80), List.of("all"));
        for (RunEvent event : events) {
            renderer.runEvent(event);
        }
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
