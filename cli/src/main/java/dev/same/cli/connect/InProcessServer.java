package dev.same.cli.connect;

import dev.same.protocol.SameClientApi;
import dev.same.server.launch.SameServer;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server started inside the CLI, reached over an in-memory pipe with the same JSON-RPC protocol as the
 * daemon, so rendering, errors and exit codes are the same in both modes.
 */
public final class InProcessServer {
    /**
     * lsp4j reports a peer's normal disconnect with a stack trace; the CLI says what matters itself. Held here: the
     * logging framework keeps loggers weakly, and a collected one comes back without its level.
     */
    private static final Logger LSP4J = Logger.getLogger("org.eclipse.lsp4j");

    private InProcessServer() {
    }

    static ServerSession start(Path root, SameClientApi pushes) {
        LSP4J.setLevel(Level.OFF);
        SameServer.InProcess server = SameServer.inProcess(root, pushes);
        return new ServerSession(server.client(), false, server.stop());
    }
}
