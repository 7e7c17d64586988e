package dev.same.lsp;

import dev.same.protocol.SameClientApi;
import dev.same.protocol.client.SameClient;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a handshaken connection to a workspace's daemon, subscribed to every push, spawning the daemon as every
 * {@code same} command does when {@code spawn} is set (else failing when none runs). The CLI provides it, so the
 * language server shares the daemon of the terminal.
 */
@FunctionalInterface
public interface DaemonDialer {
    SameClient dial(Path root, SameClientApi pushes, boolean spawn) throws IOException;
}
