package dev.same.cli;

import dev.same.protocol.SameClientApi;
import dev.same.protocol.SameServerApi;
import dev.same.server.service.SameService;
import java.nio.file.Path;

/** Opens a session with the server for a workspace root. */
final class Connector {
    private Connector() {
    }

    static ServerSession open(Cli cli, Path root, SameClientApi client) {
        SameService service = new SameService(root, client);
        return new ServerSession() {
            @Override
            public SameServerApi server() {
                return service;
            }

            @Override
            public void close() {
                service.close();
            }
        };
    }
}
