package dev.same.cli;

import dev.same.protocol.SameClientApi;
import dev.same.protocol.client.SameClient;
import dev.same.protocol.jsonrpc.Connections;
import dev.same.server.daemon.BuildId;
import dev.same.server.service.ForwardingClient;
import dev.same.server.service.SameService;
import dev.same.server.service.WorkspaceEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;

/**
 * The server started inside the CLI, reached over an in-memory pipe with the same JSON-RPC protocol as the
 * daemon, so rendering, errors and exit codes are the same in both modes.
 */
final class InProcessServer {
    private InProcessServer() {
    }

    static ServerSession start(Path root, SameClientApi pushes) {
        // lsp4j reports a peer's normal disconnect with a stack trace at INFO; the CLI says what matters itself
        java.util.logging.Logger.getLogger("org.eclipse.lsp4j").setLevel(java.util.logging.Level.OFF);
        try {
            Pipe toServer = Pipe.open();
            Pipe toClient = Pipe.open();
            WorkspaceEngine engine = new WorkspaceEngine(root);
            ForwardingClient serverSide = new ForwardingClient();
            SameService service = new SameService(engine, serverSide, null, BuildId.current());
            var launcher = Connections.launcher(service, SameClientApi.class,
                    Channels.newInputStream(toServer.source()), Channels.newOutputStream(toClient.sink()));
            serverSide.setTarget(launcher.getRemoteProxy());
            launcher.startListening();
            SameClient client = SameClient.over(Channels.newInputStream(toClient.source()),
                    Channels.newOutputStream(toServer.sink()), pushes, () -> {
                        toServer.sink().close();
                        toClient.source().close();
                    });
            return new ServerSession(client, false, () -> {
                service.close();
                engine.close();
                toServer.source().close();
                toClient.sink().close();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the in-process server", e);
        }
    }
}
