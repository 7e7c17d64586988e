package dev.same.server.daemon;

import dev.same.protocol.client.BuildId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.protocol.Health;
import dev.same.protocol.HealthStatus;
import dev.same.protocol.Subscription;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.TaskStatus;
import dev.same.protocol.client.DaemonAddress;
import dev.same.protocol.client.SameClient;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A daemon told to stop while a client's run is going: the run is cancelled and the client told so. */
@Timeout(60)
class DaemonShutdownTest {
    private final String marker = "same-shutdown-" + UUID.randomUUID();
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    private final SameClientApi pushes = new SameClientApi() {
        @Override
        public void runEvent(RunEvent event) {
        }

        @Override
        public void runOutput(RunOutput output) {
            if (output.text().contains("started")) {
                started.complete(null);
            }
        }
    };

    @Test
    void aRunCancelledByShutdownIsAnsweredBeforeTheConnectionCloses() throws Exception {
        String workspace = """
                version: "1"
                tasks:
                  slow:
                    cmd: ["sh", "-c", "echo started; sleep 300; : %s"]
                """.formatted(marker);
        InProcessDaemon daemon = InProcessDaemon.start(DaemonAddress.currentUid(), workspace);
        try (SameClient client = SameClient.connect(daemon.socket, pushes)) {
            client.initialize("test", BuildId.current(), daemon.root, 10_000);
            CompletableFuture<RunResult> run = client.server().runStart(new RunParams("r1", List.of("slow"),
                    daemon.root.toString(), Map.of("PATH", System.getenv("PATH")), true, 0));
            started.get(30, TimeUnit.SECONDS);
            List<ProcessHandle> tasks = taskProcesses();
            assertFalse(tasks.isEmpty());

            daemon.shutdown();

            RunResult result = run.get(); // before the fix: the connection closed first, the answer was lost
            assertEquals(1, result.exitCode());
            assertEquals(Map.of("slow", TaskStatus.CANCELLED), result.statuses());
            for (ProcessHandle task : tasks) { // killed with SIGKILL; a grandchild is reaped a moment later
                long deadline = System.currentTimeMillis() + 30_000;
                while (task.isAlive() && System.currentTimeMillis() < deadline) {
                    InProcessDaemon.pause();
                }
                assertFalse(task.isAlive(), "the task process " + task.pid() + " was killed");
            }
            assertFalse(Files.exists(daemon.socket), "the socket is removed");
            client.closed().get(30, TimeUnit.SECONDS);
            assertTrue(client.closed().isDone(), "then the connection closes");
        } finally {
            taskProcesses().forEach(ProcessHandle::destroyForcibly);
            daemon.close();
        }
    }

    @Test
    void aClientSubscribedToHealthIsToldTheDaemonIsStoppingBeforeTheConnectionCloses() throws Exception {
        List<Health> health = new CopyOnWriteArrayList<>();
        SameClientApi listener = new SameClientApi() {
            @Override
            public void runEvent(RunEvent event) {
            }

            @Override
            public void runOutput(RunOutput output) {
            }

            @Override
            public void health(Health pushed) {
                health.add(pushed);
            }
        };
        InProcessDaemon daemon = InProcessDaemon.start();
        try (SameClient client = SameClient.connect(daemon.socket, listener)) {
            client.initialize("test", BuildId.current(), daemon.root, List.of(Subscription.HEALTH), 10_000);

            daemon.shutdown();

            client.closed().get(30, TimeUnit.SECONDS);
            assertEquals(1, health.size(), "pushes: " + health);
            assertEquals(HealthStatus.SHUTTING_DOWN, health.getFirst().status());
            assertEquals("the daemon is stopping: test finished", health.getFirst().reason());
        } finally {
            daemon.close();
        }
    }

    private List<ProcessHandle> taskProcesses() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                .toList();
    }
}
