package dev.same.cli;

import dev.same.protocol.SameServerApi;

/** A connection to a server, in this process or in the daemon. */
interface ServerSession extends AutoCloseable {
    SameServerApi server();

    @Override
    void close();
}
