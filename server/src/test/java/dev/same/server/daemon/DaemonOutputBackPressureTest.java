package dev.same.server.daemon;

import dev.same.protocol.client.BuildId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.client.DaemonAddress;
import dev.same.protocol.client.SameClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A task printing faster than its client reads is slowed down to the client's pace, never cut off; a client
 * that reads nothing for a minute (virtual time) is disconnected, and the daemon's log says so.
 */
@Timeout(600)
class DaemonOutputBackPressureTest {
    private static final String LINE = "0123456789abcdefghijklmnopqrstuvwxyz".repeat(3); // 108 bytes + '\n'
    private static final long LINES = 1_000_000;
    private static final String LOUD = """
            version: "1"
            tasks:
              loud:
                cmd: ["sh", "-c", "yes %s | head -n %d"]
              endless:
                cmd: ["yes"]
              kept:
                cmd: ["sh", "-c", "yes %1$s | head -n %2$d | tee out.txt"]
                target: ["out.txt"]
            """.formatted(LINE, LINES);
    private static final long STATUS_DEADLINE_MILLIS = 120_000;
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":1,\
            "clientName":"stalled-reader","clientVersion":"0","root":"/"}}""";

    @Test
    void aTaskPrintingOver100MegabytesWaitsForItsSlowClientAndDeliversEverything() throws Exception {
        AtomicLong bytes = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        CountDownLatch firstOutput = new CountDownLatch(1);
        CountDownLatch readOn = new CountDownLatch(1);
        SameClientApi slowReader = new SameClientApi() {
            @Override
            public void runEvent(RunEvent event) {
            }

            @Override
            public void runOutput(RunOutput output) {
                firstOutput.countDown();
                awaitUninterruptibly(readOn); // pushes are handled on the client's reading thread: it reads nothing
                bytes.addAndGet(output.text().length());
                lines.addAndGet(output.text().chars().filter(c -> c == '\n').count());
            }
        };
        try (InProcessDaemon daemon = InProcessDaemon.start(DaemonAddress.currentUid(), LOUD);
             SameClient client = SameClient.connect(daemon.socket, slowReader);
             SameClient observer = SameClient.connect(daemon.socket, InProcessDaemon.NO_PUSHES)) {
            client.initialize("slow-reader", BuildId.current(), daemon.root, 10_000);
            observer.initialize("observer", BuildId.current(), daemon.root, 10_000);
            var run = client.server().runStart(new RunParams("loud", List.of("loud"), daemon.root.toString(),
                    Map.of("PATH", System.getenv("PATH")), false, 1));
            firstOutput.await();

            // the daemon either holds the task's output back for the client, or (cut off) forgets the client
            String slow = awaitClient(observer, "slow-reader ",
                    c -> c == null || c.contains("task output waits for it to read"));
            readOn.countDown();
            if (slow == null) {
                fail("the daemon disconnected the slow client instead of making the task wait\n" + daemon.log());
            }
            RunResult result = run.get(300, TimeUnit.SECONDS);

            assertTrue(result.success(), result + "\n" + daemon.log());
            assertEquals(LINES, lines.get());
            assertEquals(LINES * (LINE.length() + 1), bytes.get());
            assertTrue(bytes.get() > 100_000_000);
        }
    }

    @Test
    void aCachedLogOver100MegabytesIsReplayedWholeInChunks() throws Exception {
        AtomicLong bytes = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        AtomicLong replayed = new AtomicLong();
        SameClientApi counting = new SameClientApi() {
            @Override
            public void runEvent(RunEvent event) {
            }

            @Override
            public void runOutput(RunOutput output) {
                bytes.addAndGet(output.text().length());
                lines.addAndGet(output.text().chars().filter(c -> c == '\n').count());
                replayed.addAndGet(output.replay() ? 1 : 0);
            }
        };
        try (InProcessDaemon daemon = InProcessDaemon.start(DaemonAddress.currentUid(), LOUD);
             SameClient client = SameClient.connect(daemon.socket, counting)) {
            client.initialize("test", BuildId.current(), daemon.root, 10_000);
            RunParams kept = new RunParams(null, List.of("kept"), daemon.root.toString(),
                    Map.of("PATH", System.getenv("PATH")), false, 1);
            assertTrue(client.server().runStart(kept).get(300, TimeUnit.SECONDS).success());
            java.nio.file.Files.delete(daemon.root.resolve("out.txt"));
            bytes.set(0);
            lines.set(0);

            RunResult restored = client.server().runStart(kept).get(300, TimeUnit.SECONDS);

            assertEquals(Map.of("kept", dev.same.protocol.TaskStatus.CACHED), restored.statuses());
            assertEquals(LINES, lines.get());
            assertEquals(LINES * (LINE.length() + 1), bytes.get());
            assertTrue(replayed.get() > 1, "in chunks, not one message of " + bytes.get() + " bytes");
        }
    }

    @Test
    void aClientThatReadsNothingForAMinuteIsDisconnectedAndItsRunCancelled() throws Exception {
        MutableClock clock = new MutableClock();
        try (InProcessDaemon daemon = InProcessDaemon.start(DaemonAddress.currentUid(), LOUD, clock);
             SameClient observer = SameClient.connect(daemon.socket, InProcessDaemon.NO_PUSHES);
             RawConnection stalled = new RawConnection(daemon.socket)) {
            observer.initialize("observer", BuildId.current(), daemon.root, 10_000);
            stalled.send(RawConnection.frame(INITIALIZE));
            stalled.send(RawConnection.frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"run/start\",\"params\":"
                    + "{\"runId\":\"endless\",\"targets\":[\"endless\"],\"environment\":{\"PATH\":\""
                    + System.getenv("PATH") + "\"}}}"));
            awaitClient(observer, "stalled-reader ", c -> c != null && c.contains("task output waits for it"));

            clock.advance(Daemon.STALLED_CLIENT); // that it is not disconnected earlier: DaemonBoundedOutputTest
            awaitClient(observer, "stalled-reader ", c -> c == null);

            stalled.readUntilClosed();
            assertTrue(daemon.log().lines().anyMatch(line -> line.contains("disconnected stalled-reader 0")
                    && line.contains(": it read nothing for 60s while ") && line.endsWith(
                    " waited for it; its runs are cancelled")), daemon.log());
            awaitActiveRuns(observer);
        }
    }

    /** Polls the daemon's client list until the client named {@code prefix} matches (null: not listed). */
    private static String awaitClient(SameClient observer, String prefix, Predicate<String> condition)
            throws Exception {
        long deadline = System.currentTimeMillis() + STATUS_DEADLINE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            List<String> clients = observer.server().daemonStatus().get(20, TimeUnit.SECONDS).clients();
            String client = clients.stream().filter(c -> c.startsWith(prefix)).findFirst().orElse(null);
            if (condition.test(client)) {
                return client;
            }
            InProcessDaemon.pause();
        }
        return fail("the daemon's clients never matched for " + prefix);
    }

    private static void awaitActiveRuns(SameClient observer) throws Exception {
        long deadline = System.currentTimeMillis() + STATUS_DEADLINE_MILLIS;
        while (!observer.server().daemonStatus().get(20, TimeUnit.SECONDS).activeRuns().isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                fail("the stalled client's run was not cancelled");
            }
            InProcessDaemon.pause();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
