package dev.same.intellij.core.connection;

import dev.same.protocol.SameClientApi;
import dev.same.protocol.client.SameClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Opens a (not yet initialized) link to the workspace's daemon, starting the daemon if nobody answers. */
public interface Dialer {

    /**
     * @param pushes   where the link delivers the daemon's pushes
     * @param starting told which launcher is used when a daemon has to be started first
     * @throws DaemonStartException when no daemon can be started (retrying will not help)
     * @throws IOException          when the daemon cannot be reached now
     */
    SameClient dial(SameClientApi pushes, Consumer<Path> starting) throws IOException;
}
