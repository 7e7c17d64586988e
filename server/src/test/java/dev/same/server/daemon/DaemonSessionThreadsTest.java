package dev.same.server.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A session gives back every thread it started when its client leaves: the daemon's thread count stays put. */
@Timeout(300)
class DaemonSessionThreadsTest {
    private static final int CONNECTIONS = 1000;
    private static final long SETTLE_MILLIS = 30_000;
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":1,"clientName":"raw",\
            "clientVersion":"0","root":"/"}}""";

    @Test
    void aThousandConnectionsLeaveTheThreadCountWhereItWas() throws Exception {
        int otherSessions = sessionThreads().size(); // of daemons that other tests in this JVM ran, if any
        try (InProcessDaemon daemon = InProcessDaemon.start()) {
            daemon.assertServes(); // the threads a first client starts once (lsp4j's, the engine's) exist now
            awaitSessionThreadsGone(otherSessions);
            int before = platformThreads().size();

            for (int i = 0; i < CONNECTIONS; i++) {
                try (RawConnection client = new RawConnection(daemon.socket)) {
                    client.send(RawConnection.frame(INITIALIZE));
                    assertTrue(client.readResponse().orElseThrow().has("result"));
                }
            }

            awaitSessionThreadsGone(otherSessions);
            // a few may come and go on their own (the JDK's, the test's); a leak would add one per connection
            int after = platformThreads().size();
            assertTrue(after <= before + 5, "threads before: " + before + ", after " + CONNECTIONS
                    + " connections: " + after + "\n" + platformThreads());
            daemon.assertServes();
        }
    }

    private static void awaitSessionThreadsGone(int others) {
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        List<String> left = sessionThreads();
        while (left.size() > others && System.currentTimeMillis() < deadline) {
            InProcessDaemon.pause();
            left = sessionThreads();
        }
        assertTrue(left.size() <= others, "threads of sessions whose clients left: " + left);
    }

    private static List<String> sessionThreads() {
        return platformThreads().stream().filter(name -> name.startsWith("same-session")).toList();
    }

    private static List<String> platformThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).sorted()
                .toList();
    }
}
