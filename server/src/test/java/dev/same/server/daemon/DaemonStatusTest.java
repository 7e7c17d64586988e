package dev.same.server.daemon;

import dev.same.protocol.client.BuildId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.protocol.DaemonStatus;
import dev.same.protocol.client.SameClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DaemonStatusTest {

    @Test
    void reportsTheIdleTimeLeftUnlessAnotherClientIsConnected() throws Exception {
        try (InProcessDaemon daemon = InProcessDaemon.start();
             SameClient asking = SameClient.connect(daemon.socket, InProcessDaemon.NO_PUSHES)) {
            asking.initialize("test", BuildId.current(), daemon.root, 10_000);
            // the start's readiness probe is a client too, until the daemon has seen it hang up
            DaemonStatus alone = asking.server().daemonStatus().get(10, TimeUnit.SECONDS);
            while (alone.clients().size() > 1) {
                Thread.sleep(10);
                alone = asking.server().daemonStatus().get(10, TimeUnit.SECONDS);
            }
            assertEquals(ProcessHandle.current().pid(), alone.pid());
            assertEquals(daemon.root.toString(), alone.root());
            assertEquals(daemon.socket.toString(), alone.socket());
            assertEquals(3_600_000, alone.idleTimeoutMillis());
            assertTrue(alone.idleRemainingMillis() >= 0 && alone.idleRemainingMillis() <= 3_600_000,
                    "the asking client does not count as keeping the daemon busy: " + alone.idleRemainingMillis());
            assertEquals(1, alone.clients().size(), alone.clients().toString());

            try (SameClient other = SameClient.connect(daemon.socket, InProcessDaemon.NO_PUSHES)) {
                other.initialize("other", BuildId.current(), daemon.root, 10_000);
                DaemonStatus busy = asking.server().daemonStatus().get(10, TimeUnit.SECONDS);
                assertEquals(-1, busy.idleRemainingMillis());
                assertEquals(2, busy.clients().size(), busy.clients().toString());
                assertTrue(busy.clients().stream().anyMatch(c -> c.startsWith("other ")), busy.clients().toString());
            }
        }
    }
}
