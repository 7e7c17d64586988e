package dev.same.server.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.protocol.client.BuildId;
import dev.same.protocol.StatusParams;
import dev.same.protocol.client.DaemonAddress;
import dev.same.protocol.client.SameClient;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A daemon whose workspace is renamed or whose {@code .same/} is deleted holds nothing valid: it stops by itself, and
 * never removes a socket that is no longer its own (another daemon's, started since).
 */
@Timeout(120)
class DaemonOwnedFilesTest {
    @Test
    void deletingTheStateDirectoryStopsTheDaemon() throws Exception {
        try (InProcessDaemon daemon = InProcessDaemon.start(DaemonAddress.currentUid())) {
            daemon.awaitLog("indexed the workspace"); // it has written its state: nothing is written while we delete
            InProcessDaemon.deleteTree(daemon.root.resolve(".same"));

            assertEquals(0, daemon.awaitExit());
            assertTrue(daemon.log().contains("shutting down: its state directory .same/ was deleted"), daemon.log());
            assertFalse(Files.exists(daemon.socket), "its own socket is removed");
        }
    }

    @Test
    void aDaemonWhoseStateDirectoryWasDeletedNeverWritesItAgain() throws Exception {
        try (InProcessDaemon daemon = InProcessDaemon.start(DaemonAddress.currentUid(), """
                version: "1"
                tasks:
                  build:
                    cmd: ["true"]
                    input: ["src"]
                """)) {
            Files.createDirectories(daemon.root.resolve("src"));
            Files.writeString(daemon.root.resolve("src/a.txt"), "a\n");
            daemon.awaitLog("indexed the workspace");
            InProcessDaemon.deleteTree(daemon.root.resolve(".same"));
            // a new input, hashed by this request before the daemon notices (it looks once a second): its digest
            // memory has changed, and a daemon that saved it would make .same/ again
            Files.writeString(daemon.root.resolve("src/b.txt"), "b\n");
            try (SameClient client = SameClient.connect(daemon.socket, InProcessDaemon.NO_PUSHES)) {
                client.initialize("test", BuildId.current(), daemon.root, 10_000);
                client.server().status(new StatusParams(List.of(), daemon.root.toString(), true))
                        .get(10, TimeUnit.SECONDS);
            } catch (ExecutionException stoppingAlready) {
                // it noticed first: nothing to answer, and nothing to save either
            }

            assertEquals(0, daemon.awaitExit());
            assertFalse(Files.exists(daemon.root.resolve(".same")), () -> {
                try (var files = Files.walk(daemon.root.resolve(".same"))) {
                    return "nothing of .same/ was written again: " + files.toList();
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            });
        }
    }

    @Test
    void renamingTheWorkspaceStopsTheDaemon() throws Exception {
        Path moved = null;
        try (InProcessDaemon daemon = InProcessDaemon.start(DaemonAddress.currentUid())) {
            moved = Files.move(daemon.root, daemon.root.resolveSibling(daemon.root.getFileName() + "-moved"));

            assertEquals(0, daemon.awaitExit());
            assertTrue(daemon.log().contains("shutting down: the workspace " + daemon.root + " was moved or deleted"),
                    daemon.log());
        } finally {
            if (moved != null) {
                InProcessDaemon.deleteTree(moved);
            }
        }
    }

    @Test
    void aSocketThatIsNoLongerItsOwnIsLeftAlone() throws Exception {
        try (InProcessDaemon daemon = InProcessDaemon.start(DaemonAddress.currentUid());
             ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            // .same/ deleted, and a second daemon already listening at the same path
            daemon.awaitLog("indexed the workspace"); // it has written its state: nothing is written while we delete
            InProcessDaemon.deleteTree(daemon.root.resolve(".same"));
            Files.delete(daemon.socket);
            other.bind(UnixDomainSocketAddress.of(daemon.socket));

            assertEquals(0, daemon.awaitExit());
            assertTrue(Files.exists(daemon.socket), "the other daemon's socket is still there");
        }
    }
}
