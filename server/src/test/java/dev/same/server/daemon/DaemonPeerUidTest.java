package dev.same.server.daemon;

import dev.same.protocol.client.BuildId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.protocol.client.DaemonAddress;
import dev.same.protocol.client.SameClient;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every connection's peer uid is checked. Another user cannot reach the socket through its 0700 directory,
 * so the check is seen from the other side: a daemon told to serve only some other uid refuses us.
 */
@Timeout(60)
class DaemonPeerUidTest {
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":1,"clientName":"raw",\
            "clientVersion":"0","root":"/"}}""";

    @Test
    void aConnectionFromAnotherUidIsClosedUnanswered() throws Exception {
        int me = DaemonAddress.currentUid();
        try (InProcessDaemon daemon = InProcessDaemon.start(me + 1)) {
            try (RawConnection raw = new RawConnection(daemon.socket)) {
                raw.sendUntilRefused(RawConnection.frame(INITIALIZE));
                assertEquals(0, raw.readUntilClosed().length, "not even the handshake is answered");
            }
            assertTrue(daemon.log().contains("refused a connection from uid " + me + " (pid "
                    + ProcessHandle.current().pid() + ")"), daemon.log());
            assertTrue(daemon.running(), "a refused peer does not stop the daemon");
        }
    }

    @Test
    void aRefusedClientsHandshakeFailsAsSoonAsTheConnectionCloses() throws Exception {
        try (InProcessDaemon daemon = InProcessDaemon.start(DaemonAddress.currentUid() + 1);
             SameClient client = SameClient.connect(daemon.socket, InProcessDaemon.NO_PUSHES)) {
            long tenMinutes = 600_000; // far beyond the test's own timeout: only the closed connection ends it
            IOException error = assertThrows(IOException.class,
                    () -> client.initialize("test", BuildId.current(), daemon.root, tenMinutes));
            // closed before the request was answered, or even before it was written (broken pipe)
            assertFalse(error.getMessage().contains("timed out"), error.getMessage());
        }
    }
}
