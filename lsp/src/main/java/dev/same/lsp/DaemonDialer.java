package dev.same.lsp;

import dev.same.protocol.SameClientApi;
import dev.same.protocol.client.SameClient;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a handshaken connection to a workspace's daemon, spawning it as every {@code same} command does, and
 * subscribed to every push. The CLI provides it, so the language server shares the daemon of the terminal.
 */
@FunctionalInterface
public interface DaemonDialer {
    SameClient dial(Path root, SameClientApi pushes) throws IOException;
}
