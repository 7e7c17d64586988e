package dev.same.cli.connect;

import dev.same.protocol.client.SameSettings;
import dev.same.protocol.ErrorCodes;
import dev.same.protocol.InitializeResult;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.client.DaemonAddress;
import dev.same.protocol.client.RemoteException;
import dev.same.protocol.client.SameClient;
import dev.same.protocol.client.PrivateFiles;
import dev.same.protocol.client.ProcessLiveness;
import dev.same.protocol.client.BuildId;
import dev.same.protocol.client.DaemonLock;
import dev.same.protocol.client.DaemonProcess;
import dev.same.protocol.client.DiscoveryFile;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds, spawns and talks to the daemon of a workspace, the way mvnd's client does: connect to the socket;
 * if nobody answers, spawn a detached daemon and wait for it; if it is another build, stop it and start ours.
 */
public final class DaemonConnector {
    public static final long HANDSHAKE_MILLIS = 10_000;
    /** How long a command waits for a daemon it started, or one that is starting, to answer. */
    public static final long SPAWN_WAIT_MILLIS = 20_000;
    private static final long STOP_WAIT_MILLIS = 15_000;
    /** The pid of the daemon last spawned, so it counts as running while its JVM starts, before it takes the lock. */
    private static final String SPAWNED = "spawned.pid";
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    /**
     * The end of a shell's script that starts the daemon, given as {@code "$@"} (its standard input closed), in the
     * background and writes its pid to {@code $0}, for the user alone, before it ends: once the shell has ended, the
     * daemon's process exists and says so, and is no child of the JVM that started the shell.
     */
    private static final String DETACH_AND_WRITE_PID = "</dev/null & umask 077 && echo $! >\"$0\"";
    /**
     * Becomes {@code "$@"} with SIGINT and SIGQUIT handled by default again: a command a non-interactive shell starts
     * with {@code &} ignores both, and so would the daemon (its JVM installs no handler for an ignored signal, so
     * {@code kill -INT} would not stop it) and every task it runs. GNU env 8.31 or later resets them; without it the
     * daemon starts as it is.
     */
    private static final String EXEC_WITH_DEFAULT_SIGNALS = "if env --default-signal=INT,QUIT true 2>/dev/null; "
            + "then exec env --default-signal=INT,QUIT \"$@\"; fi; exec \"$@\"";

    private final Path root;
    private final Map<String, String> environment;
    private final Path socket;
    private final Path stateDirectory;

    public DaemonConnector(Path root, Map<String, String> environment) {
        this.root = root;
        this.environment = environment;
        this.socket = DaemonAddress.socketPath(root, environment);
        this.stateDirectory = DaemonAddress.stateDirectory(root);
    }

    public Path root() {
        return root;
    }

    public Path socket() {
        return socket;
    }

    public Path logFile() {
        return stateDirectory.resolve("daemon.log");
    }

    /** Connects to the running daemon of our build, spawning (or replacing) it as needed. */
    public SameClient connectOrSpawn(SameClientApi pushes, Duration idleTimeout) throws IOException {
        Optional<SameClient> existing = connectExisting(pushes);
        if (existing.isPresent()) {
            return existing.get();
        }
        checkCanStart(); // without starting a JVM for it
        Started started = start(idleTimeout);
        long deadline = System.currentTimeMillis() + SPAWN_WAIT_MILLIS;
        long pause = 5;
        while (System.currentTimeMillis() < deadline) {
            Optional<SameClient> client = connectExisting(pushes);
            if (client.isPresent()) {
                return client.get();
            }
            if (started.ended() && !DaemonLock.isHeld(stateDirectory)) {
                if (!started.foundAnother()) {
                    throw new IOException("the daemon exited at start" + started.status() + ": " + lastLogLine());
                }
                // ours found the lock taken, but whoever held it has gone since (a daemon stopping): try again
                started = start(idleTimeout);
            }
            sleep(pause);
            pause = Math.min(pause * 2, 100);
        }
        throw new IOException("the daemon did not answer within " + SPAWN_WAIT_MILLIS / 1000 + "s; see " + logFile());
    }

    /**
     * Starts a daemon for the commands that follow, without waiting for it; nothing when one is already starting
     * or stopping (it holds the lock). What the daemon would refuse at start is refused here, as an exception.
     */
    public void startInBackground(Duration idleTimeout) throws IOException {
        checkCanStart();
        if (!isRunning()) {
            start(idleTimeout);
        }
    }

    /**
     * Prepares a daemon for the commands that follow this one, to start when this one ends: a process is made now (a
     * JVM's first process start costs about 10 ms, which the command running meanwhile hides), in a session of its
     * own, and waits for {@link PreparedStart#start} to send the word on its standard input; then it starts the
     * daemon in the background, as {@link #start} does, and ends. One that is never told (this JVM killed, a Ctrl-C)
     * ends without starting a daemon. Empty where {@code setsid} is missing.
     */
    public Optional<PreparedStart> prepareStart(Duration idleTimeout) throws IOException {
        checkCanStart();
        if (!Files.isExecutable(SETSID)) {
            return Optional.empty();
        }
        Path pidFile = stateDirectory.resolve(SPAWNED);
        // the daemon's JVM starts when this one has exited, rather than take the CPU this one's exit needs: GNU tail
        // polls for it every 10 ms, for a second at most (a JVM that lives on after the command, as a test's does);
        // without GNU coreutils it starts at once
        String awaitWordThenDetach = "read -r go && [ \"$go\" = start ] || exit 0; { timeout 1 tail --pid="
                + ProcessHandle.current().pid() + " -s 0.01 -f /dev/null 2>/dev/null; " + EXEC_WITH_DEFAULT_SIGNALS
                + "; } " + DETACH_AND_WRITE_PID;
        List<String> command = new ArrayList<>(List.of(SETSID.toString(), "--wait", "/bin/sh", "-c",
                awaitWordThenDetach, pidFile.toString()));
        command.addAll(daemonCommand(idleTimeout));
        return Optional.of(new PreparedStart(daemonLaunch(command).redirectInput(ProcessBuilder.Redirect.PIPE).start(),
                idleTimeout));
    }

    /** A daemon's process waiting for the word to start; see {@link #prepareStart}. */
    public final class PreparedStart {
        private final Process waiting;
        private final Duration idleTimeout;

        private PreparedStart(Process waiting, Duration idleTimeout) {
            this.waiting = waiting;
            this.idleTimeout = idleTimeout;
        }

        /**
         * Starts the daemon, unless one runs or is starting by now (another command's, an editor's), and waits until
         * the waiting process has ended (a millisecond or two after the word), so that no child of this JVM is left
         * and the daemon's pid is written. Where that failed ({@code setsid} without {@code --wait}), the daemon is
         * started as {@link #startInBackground} does.
         */
        public void start() throws IOException {
            if (isRunning()) {
                drop();
                return;
            }
            Files.deleteIfExists(stateDirectory.resolve(SPAWNED)); // an earlier daemon's pid is not this one's
            try (OutputStream word = waiting.getOutputStream()) {
                word.write("start\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException ended) {
                // it ended before the word: said by its status below
            }
            if (!ended() || waiting.exitValue() != 0 || !Files.exists(stateDirectory.resolve(SPAWNED))) {
                startInBackground(idleTimeout);
            }
        }

        /** Lets the waiting process end without starting a daemon. */
        public void drop() throws IOException {
            waiting.getOutputStream().close();
            ended();
        }

        private boolean ended() {
            try {
                return waiting.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Refuses, as an exception saying why, what the daemon would refuse at start. */
    public void checkCanStart() throws IOException {
        DaemonAddress.ensurePrivateDirectory(socket.getParent());
        DaemonAddress.checkLength(socket);
    }

    /**
     * Where else the workspace's daemon may listen: the socket its discovery file names, if that differs from ours
     * (a daemon spawned with another {@code XDG_RUNTIME_DIR}, say from an IDE) and lies in a private directory
     * of ours. Without it, such a daemon holds the lock, ours exits at once, and we wait in vain.
     */
    Optional<Path> announcedSocket() {
        return DiscoveryFile.read(stateDirectory)
                .filter(found -> root.toString().equals(found.root()) && found.socket() != null)
                .map(found -> Path.of(found.socket()))
                .filter(other -> !other.equals(socket) && other.getParent() != null
                        && DaemonAddress.isPrivateDirectory(other.getParent()));
    }

    /**
     * A connection to our socket or else the announced one; empty when none answers. The discovery file is read
     * only when ours does not answer, which keeps JSON parsing of it off the common path.
     */
    public Optional<SameClient> connectAny(SameClientApi pushes) throws IOException {
        Optional<SameClient> ours = connect(socket, pushes);
        if (ours.isPresent()) {
            return ours;
        }
        Optional<Path> other = announcedSocket();
        return other.isPresent() ? connect(other.get(), pushes) : Optional.empty();
    }

    /** @throws DaemonAddress.UnsafeSocketException when another user could control the socket: never talk to it */
    private static Optional<SameClient> connect(Path candidate, SameClientApi pushes) throws IOException {
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SameClient.connect(candidate, pushes));
        } catch (DaemonAddress.UnsafeSocketException unsafe) {
            throw unsafe;
        } catch (IOException refused) {
            return Optional.empty(); // a socket file left by a dead daemon: the next daemon replaces it
        }
    }

    /** Connects and handshakes with a live daemon of this build; empty when none answers. */
    Optional<SameClient> connectExisting(SameClientApi pushes) throws IOException {
        Optional<SameClient> connected = connectAny(pushes);
        if (connected.isEmpty()) {
            return Optional.empty();
        }
        SameClient client = connected.get();
        InitializeResult hello;
        try {
            hello = client.initialize("cli", BuildId.current(), root, HANDSHAKE_MILLIS);
        } catch (IOException e) {
            if (e.getCause() instanceof RemoteException refused && refused.code() == ErrorCodes.VERSION_MISMATCH) {
                stopDaemon(client); // another protocol version: another build, replaced like one
                return Optional.empty();
            }
            client.close();
            if (lostConnection(e.getCause())) {
                return Optional.empty(); // a daemon on its way out; the lock says when the next may start
            }
            throw e;
        }
        if (!hello.serverVersion().equals(BuildId.current())) {
            stopDaemon(client);
            return Optional.empty();
        }
        return Optional.of(client);
    }

    private static boolean lostConnection(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Asks the daemon to stop and waits until it has released its lock. */
    public void stopDaemon(SameClient client) throws IOException {
        try {
            client.server().daemonStop().get(STOP_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // it may close the connection before answering; the lock tells whether it is gone
        } finally {
            client.close();
        }
        awaitLockReleased();
    }

    void awaitLockReleased() throws IOException {
        long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        while (DaemonLock.isHeld(stateDirectory)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("the daemon did not stop within " + STOP_WAIT_MILLIS / 1000 + "s");
            }
            sleep(20);
        }
    }

    /**
     * Whether a daemon holds the workspace's lock (it serves, or is starting or stopping), or one spawned here is
     * still starting its JVM and has not taken the lock yet.
     */
    public boolean isRunning() {
        return Files.isDirectory(stateDirectory) && (DaemonLock.isHeld(stateDirectory) || spawnedAndStarting());
    }

    /** The daemon last started for this workspace, by the pid written as it started, if that process runs. */
    private boolean spawnedAndStarting() {
        try {
            long pid = Long.parseLong(Files.readString(stateDirectory.resolve(SPAWNED)).strip());
            return ProcessLiveness.running(pid)
                    .flatMap(process -> process.info().commandLine())
                    .filter(line -> line.contains(DaemonProcess.MAIN_CLASS) && line.contains(root.toString()))
                    .isPresent();
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** Starts a daemon detached from this terminal (its own session), logging to .same/daemon/daemon.log. */
    private Process spawn(Duration idleTimeout) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.addAll(daemonCommand(idleTimeout));
        Process process = daemonLaunch(command).start();
        try {
            PrivateFiles.write(stateDirectory.resolve(SPAWNED),
                    (process.pid() + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // only lets 'same daemon stop' see a daemon before it takes the lock
        }
        return process;
    }

    /**
     * Starts a daemon as {@link #spawn} does, but not as a child of this JVM: a shell in a session of its own starts
     * it in the background, writes its pid, and ends. A child would keep the JDK's process reaper thread in {@code
     * waitpid}, a system call, until this JVM exits, and the JVM's exit waits up to 300 ms for threads in native
     * code: a command that starts a daemon (in the background, or {@code same daemon start} for an editor) would pay
     * that. Where {@code setsid} is missing or fails, the daemon is a child after all.
     */
    private Started start(Duration idleTimeout) throws IOException {
        if (Files.isExecutable(SETSID)) {
            Path pidFile = stateDirectory.resolve(SPAWNED);
            Files.deleteIfExists(pidFile); // an earlier daemon's pid must not be taken for this one's
            List<String> command = new ArrayList<>(List.of(SETSID.toString(), "--wait", "/bin/sh", "-c",
                    "{ " + EXEC_WITH_DEFAULT_SIGNALS + "; } " + DETACH_AND_WRITE_PID, pidFile.toString()));
            command.addAll(daemonCommand(idleTimeout));
            Process detaching = daemonLaunch(command).start();
            try {
                if (detaching.waitFor() == 0 && Files.exists(pidFile)) {
                    return new Detached(pidFile);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting the daemon");
            }
        }
        return new Child(spawn(idleTimeout));
    }

    /** A daemon this command started, as far as it can tell how its start went. */
    private sealed interface Started {
        boolean ended();

        /** Whether it ended because it found another daemon serving the workspace. */
        boolean foundAnother();

        /** How it ended, to follow "exited at start", or nothing. */
        String status();
    }

    private record Child(Process process) implements Started {
        @Override
        public boolean ended() {
            return !process.isAlive();
        }

        @Override
        public boolean foundAnother() {
            return process.exitValue() == DaemonProcess.EXIT_ALREADY_RUNNING;
        }

        @Override
        public String status() {
            return " (status " + process.exitValue() + ")";
        }
    }

    /** Not our child, so its exit status is unknown: its pid file tells whether it lives, its log why it ended. */
    private final class Detached implements Started {
        private final Path pidFile;

        Detached(Path pidFile) {
            this.pidFile = pidFile;
        }

        @Override
        public boolean ended() {
            try {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                return !ProcessLiveness.isRunning(pid);
            } catch (IOException | NumberFormatException notYetWritten) {
                return false;
            }
        }

        @Override
        public boolean foundAnother() {
            return lastLogLine().startsWith(DaemonProcess.ALREADY_RUNNING_LOG);
        }

        @Override
        public String status() {
            return "";
        }
    }

    private ProcessBuilder daemonLaunch(List<String> command) throws IOException {
        PrivateFiles.createDirectories(stateDirectory);
        Path log = logFile();
        rotateIfLarge(log);
        PrivateFiles.createIfMissing(log);
        return new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
    }

    /**
     * The java command line of a daemon: this JVM's runtime and class path, with server-side tuning, and the
     * daemon's AOT cache when the launcher has trained one (the options must stay those of its training, in
     * {@code bin/same}).
     */
    List<String> daemonCommand(Duration idleTimeout) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java,
                "-XX:+UseSerialGC", "-Xss1m", "-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED"));
        SameSettings settings = SameSettings.from(environment);
        String aotCache = settings.daemonAotCache();
        if (settings.aot() && aotCache != null && Files.isRegularFile(Path.of(aotCache))) {
            command.addAll(List.of("-XX:AOTCache=" + aotCache, "-Xlog:aot=off", "-Xlog:cds=off"));
        }
        command.addAll(settings.daemonJavaOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                DaemonProcess.MAIN_CLASS, "--root", root.toString()));
        if (idleTimeout != null) {
            command.add("--idle-timeout");
            command.add(idleTimeout.toMillis() + "ms");
        }
        return command;
    }

    private static void rotateIfLarge(Path log) throws IOException {
        if (Files.exists(log) && Files.size(log) > 10L * 1024 * 1024) {
            Files.move(log, log.resolveSibling("daemon.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String lastLogLine() {
        try {
            List<String> lines = Files.readAllLines(logFile());
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank() && !lines.get(i).startsWith("\tat ")) {
                    return lines.get(i).strip().replaceFirst("^\\d{4}-\\d\\d-\\d\\dT\\S+Z ", "");
                }
            }
        } catch (IOException e) {
            return "see " + logFile();
        }
        return "see " + logFile();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
