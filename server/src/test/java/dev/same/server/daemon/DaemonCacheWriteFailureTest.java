package dev.same.server.daemon;

import dev.same.protocol.client.BuildId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.same.protocol.RunEvent;
import dev.same.protocol.RunEventKind;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.TaskStatus;
import dev.same.protocol.client.DaemonAddress;
import dev.same.protocol.client.SameClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cache on a full disk (a real 1 MiB tmpfs mounted on {@code .same/cache}): a task that succeeded stays a
 * success, with one line saying its result was not cached, where and why; nothing half-written is left there.
 */
@Timeout(120)
class DaemonCacheWriteFailureTest {
    private static final String WORKSPACE = """
            version: "1"
            tasks:
              big:
                cmd: ["sh", "-c", "head -c 3000000 /dev/urandom > out.bin && echo built"]
                target: ["out.bin"]
            """;

    @Test
    void aFullDiskWhileStoringOutputsLeavesTheTaskSucceededWithOneWarning() throws Exception {
        List<RunOutput> output = new CopyOnWriteArrayList<>();
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        SameClientApi pushes = new SameClientApi() {
            @Override
            public void runEvent(RunEvent event) {
                events.add(event);
            }

            @Override
            public void runOutput(RunOutput chunk) {
                output.add(chunk);
            }
        };
        try (InProcessDaemon daemon = InProcessDaemon.start(DaemonAddress.currentUid(), WORKSPACE)) {
            Path cache = daemon.root.resolve(".same").resolve("cache");
            Files.createDirectories(cache);
            assumeTrue(mount(cache), "mounting a tmpfs needs root");
            try (SameClient client = SameClient.connect(daemon.socket, pushes)) {
                client.initialize("test", BuildId.current(), daemon.root, 10_000);
                RunResult result = client.server().runStart(new RunParams("full", List.of("big"),
                        daemon.root.toString(), Map.of("PATH", System.getenv("PATH")), false, 1))
                        .get(60, TimeUnit.SECONDS);

                assertTrue(result.success(), result + "\n" + events);
                assertEquals(Map.of("big", TaskStatus.OK), result.statuses());
                RunEvent finished = events.stream().filter(e -> e.kind() == RunEventKind.TASK_FINISHED)
                        .findFirst().orElseThrow();
                assertEquals(TaskStatus.OK, finished.status());
                List<String> lines = output.stream().flatMap(chunk -> chunk.text().lines()).toList();
                assertEquals(2, lines.size(), lines.toString());
                assertEquals("built", lines.getFirst());
                assertTrue(lines.getLast().startsWith("warning: the result of big was not cached: writing to "
                        + cache + " failed: "), lines.getLast());
                assertTrue(lines.getLast().endsWith("No space left on device"), lines.getLast());
                try (Stream<Path> left = Files.walk(cache)) {
                    assertEquals(List.of(), left.filter(Files::isRegularFile)
                            .filter(file -> file.getFileName().toString().endsWith(".same-tmp")).toList(),
                            "no temporary file is left in the cache");
                }
            } finally {
                run("umount", cache.toString());
            }
        }
    }

    private static boolean mount(Path dir) throws IOException, InterruptedException {
        return run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir.toString()) == 0;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
