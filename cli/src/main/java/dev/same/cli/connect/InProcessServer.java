package dev.same.cli.connect;

import dev.same.protocol.SameClientApi;
import dev.same.server.launch.SameServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The server started inside the CLI, reached over an in-memory pipe with the same JSON-RPC protocol as the
 * daemon, so rendering, errors and exit codes are the same in both modes.
 */
public final class InProcessServer {
    private InProcessServer() {
    }

    static ServerSession start(Path root, SameClientApi pushes) {
        // lsp4j reports a peer's normal disconnect with a stack trace at INFO; the CLI says what matters itself
        java.util.logging.Logger.getLogger("org.eclipse.lsp4j").setLevel(java.util.logging.Level.OFF);
        try {
            SameServer.InProcess server = SameServer.inProcess(root, pushes);
            return new ServerSession(server.client(), false, server.stop());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the in-process server", e);
        }
    }
}
