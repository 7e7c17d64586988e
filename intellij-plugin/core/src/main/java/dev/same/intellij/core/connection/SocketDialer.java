package dev.same.intellij.core.connection;

import dev.same.protocol.SameClientApi;
import dev.same.protocol.client.DaemonAddress;
import dev.same.protocol.client.SameClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Dials the daemon's Unix socket; when nobody listens, starts a daemon with the launcher and dials again. */
public final class SocketDialer implements Dialer {
    private final Path root;
    private final Map<String, String> environment;
    private final Supplier<Optional<Path>> launcher;

    public SocketDialer(Path root, Map<String, String> environment, Supplier<Optional<Path>> launcher) {
        this.root = root;
        this.environment = Map.copyOf(environment);
        this.launcher = launcher;
    }

    public Path socket() {
        return DaemonAddress.socketPath(root, environment);
    }

    @Override
    public SameClient dial(SameClientApi pushes, Consumer<Path> starting) throws IOException {
        Path socket = socket();
        if (Files.exists(socket)) {
            try {
                return SameClient.connect(socket, pushes);
            } catch (IOException nobodyListening) {
                // a socket file left by a dead daemon: the daemon we start replaces it
            }
        }
        Path found = launcher.get().orElseThrow(() -> new DaemonStartException("could not find the `same` "
                + "launcher: put `same` on PATH, or build it "
                + "(cli/target/same/bin/same)"));
        starting.accept(found);
        Launcher.startDaemon(found, root, environment);
        return SameClient.connect(socket, pushes);
    }
}
