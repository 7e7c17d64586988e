package dev.same.server.launch;

import dev.same.protocol.SameClientApi;
import dev.same.protocol.client.BuildId;
import dev.same.protocol.client.SameClient;
import dev.same.protocol.jsonrpc.Connections;
import dev.same.protocol.jsonrpc.MemoryPipe;
import dev.same.server.daemon.DaemonMain;
import dev.same.server.service.ForwardingClient;
import dev.same.server.service.SameService;
import dev.same.server.service.WorkspaceEngine;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The one door from a client process into the server. A client talks to a server only through the protocol: either
 * the workspace's daemon over its socket (started as {@link dev.same.protocol.client.DaemonProcess} says), or a server
 * started here, in the client's own process, reached over an in-memory pipe with the same protocol, so rendering,
 * errors and exit codes are the same in both modes.
 */
public final class SameServer {
    private SameServer() {
    }

    /** A server in this process; closing {@code stop} shuts it down after the client has been closed. */
    public record InProcess(SameClient client, AutoCloseable stop) {
    }

    /** Starts a server for the workspace at {@code root} in this process; {@code pushes} gets its notifications. */
    public static InProcess inProcess(Path root, SameClientApi pushes) {
        MemoryPipe toServer = new MemoryPipe();
        MemoryPipe toClient = new MemoryPipe();
        WorkspaceEngine engine = new WorkspaceEngine(root);
        ForwardingClient serverSide = new ForwardingClient();
        SameService service = new SameService(engine, serverSide, null, BuildId.current());
        var launcher = Connections.launcher(service, SameClientApi.class, toServer.source(), toClient.sink());
        serverSide.setTarget(launcher.getRemoteProxy());
        launcher.startListening();
        SameClient client = SameClient.over(toClient.source(), toServer.sink(), pushes, () -> {
            toServer.sink().close();
            toClient.source().close();
        });
        return new InProcess(client, () -> {
            service.close();
            engine.close();
            toServer.source().close();
            toClient.sink().close();
        });
    }

    /** Runs the daemon of the workspace at {@code root} in this process until it stops; returns its exit status. */
    public static int runDaemon(Path root, Duration idleTimeout) throws Exception {
        return DaemonMain.run(root, idleTimeout);
    }
}
