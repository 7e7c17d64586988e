package dev.same.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.same.protocol.RunEvent;
import dev.same.protocol.TaskStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RemoteHitLineTest {
    @Test
    void bytesReadAsPeopleWriteThem() {
        assertEquals("0 B", Bytes.human(0));
        assertEquals("999 B", Bytes.human(999));
        assertEquals("1.0 kB", Bytes.human(1000));
        assertEquals("1.2 MB", Bytes.human(1_234_567));
        assertEquals("1.0 MB", Bytes.human(999_999));
        assertEquals("3.4 GB", Bytes.human(3_400_000_000L));
    }

    @Test
    void aHitFromTheRemoteSaysSoWithWhatItDownloaded() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        var renderer = new LinearRenderer(new Terminal(sink, new PrintStream(err, true, StandardCharsets.UTF_8),
                false, false, 80), java.util.List.of("all"));
        renderer.runEvent(RunEvent.taskFinished("r", "lib:build", TaskStatus.CACHED, Duration.ofMillis(85), null, true,
                "h", 1_234_567L));
        renderer.runEvent(RunEvent.taskFinished("r", "app:build", TaskStatus.CACHED, 3, null, false, "h"));
        assertEquals("[lib:build] Starting...\n[lib:build] ~ Cached (remote, 1.2 MB in 85ms)\n"
                + "[app:build] Starting...\n[app:build] ~ Cached (skipped in 3ms)\n",
                err.toString(StandardCharsets.UTF_8));
    }

}
