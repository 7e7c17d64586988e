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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dials the daemon's Unix socket; when nobody listens, starts a daemon with the launcher and dials again. */
public final class SocketDialer implements Dialer {
    private static final Pattern ANNOUNCED_SOCKET = Pattern.compile("\"socket\"\\s*:\\s*\"([^\"]+)\"");
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
        Optional<SameClient> running = connectAny(pushes);
        if (running.isPresent()) {
            return running.get();
        }
        Path found = launcher.get().orElseThrow(() -> new DaemonStartException("could not find the `same` "
                + "launcher: put `same` on PATH, or build it "
                + "(cli/target/same/bin/same)"));
        starting.accept(found);
        Launcher.startDaemon(found, root, environment);
        return connectAny(pushes).orElseThrow(() -> new IOException("the daemon started but does not answer on "
                + socket()));
    }

    /**
     * Our socket, else the one the workspace's discovery file announces: a daemon started from a terminal with
     * another {@code XDG_RUNTIME_DIR} than the IDE's listens there (the CLI looks there too).
     */
    private Optional<SameClient> connectAny(SameClientApi pushes) {
        Optional<SameClient> ours = connect(socket(), pushes);
        return ours.isPresent() ? ours : announcedSocket().flatMap(other -> connect(other, pushes));
    }

    Optional<Path> announcedSocket() {
        try {
            Matcher match = ANNOUNCED_SOCKET.matcher(Files.readString(DaemonAddress.stateDirectory(root)
                    .resolve("daemon.json")));
            return match.find() ? Optional.of(Path.of(match.group(1).replace("\\/", "/")))
                    .filter(other -> !other.equals(socket()) && other.getParent() != null
                            && DaemonAddress.isPrivateDirectory(other.getParent())) : Optional.empty();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Optional<SameClient> connect(Path socket, SameClientApi pushes) {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SameClient.connect(socket, pushes));
        } catch (IOException nobodyListening) {
            return Optional.empty(); // a socket file left by a dead daemon: the daemon we start replaces it
        }
    }
}
