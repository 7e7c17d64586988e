package dev.same.server.daemon;

import dev.same.protocol.client.SameSettings;
import dev.same.protocol.client.DaemonProcess;
import dev.same.protocol.client.BuildId;
import dev.same.protocol.client.DurationParser;
import dev.same.protocol.client.DiscoveryFile;
import dev.same.protocol.client.DaemonLock;
import dev.same.protocol.client.PrivateFiles;
import dev.same.protocol.DaemonStatus;
import dev.same.protocol.Health;
import dev.same.protocol.HealthStatus;
import dev.same.server.state.LiveWorkspace;
import dev.same.server.watch.Timer;
import dev.same.server.watch.WatcherStatistics;
import dev.same.protocol.client.DaemonAddress;
import dev.same.server.service.DaemonControl;
import dev.same.server.service.WorkspaceEngine;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketCredentials;

/**
 * The daemon of one workspace: holds the lock, listens on the workspace's socket, serves each client on a
 * virtual thread, stops when idle, on {@code daemon/stop} or on SIGTERM/SIGINT, and cleans up after itself.
 */
public final class Daemon implements DaemonControl {
    /** Exit status of a daemon that found another one already running: not an error for the spawner. */
    public static final int EXIT_ALREADY_RUNNING = DaemonProcess.EXIT_ALREADY_RUNNING;
    /** A client that takes nothing of what waits for it this long is disconnected: it holds up its runs. */
    static final Duration STALLED_CLIENT = Duration.ofSeconds(60);

    private final Path root;
    private final Path stateDirectory;
    private final Path socketPath;
    private volatile OwnedFiles owned;
    private final IdleMonitor idle;
    private final InstantSource clock;
    private final Duration watchDebounce;
    private final DaemonLog log;
    private final String version = BuildId.current();
    private final long startedAtMillis = System.currentTimeMillis();
    private final int uid;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private WorkspaceEngine engine;
    private AFUNIXServerSocket server;
    private DaemonLock lock;

    public Daemon(Path root, Duration idleTimeout, Map<String, String> environment, InstantSource clock,
                  java.io.PrintStream logStream) {
        this(root, idleTimeout, environment, clock, logStream, DaemonAddress.currentUid());
    }

    /** @param uid the only user whose connections are served (our own; tests pass another to see refusals) */
    Daemon(Path root, Duration idleTimeout, Map<String, String> environment, InstantSource clock,
           java.io.PrintStream logStream, int uid) {
        this.uid = uid;
        this.root = root;
        this.stateDirectory = DaemonAddress.stateDirectory(root);
        this.socketPath = DaemonAddress.socketPath(root, environment);
        this.idle = new IdleMonitor(clock, idleTimeout);
        this.clock = clock;
        this.watchDebounce = SameSettings.from(environment).watchDebounce();
        this.log = new DaemonLog(logStream);
    }

    /**
     * Runs until stopped. Returns the process exit status: 0 after a normal stop,
     * {@link #EXIT_ALREADY_RUNNING} when another daemon holds the lock.
     */
    public int run() throws IOException, InterruptedException {
        PrivateFiles.createDirectories(stateDirectory);
        Optional<DaemonLock> acquired = DaemonLock.tryAcquire(stateDirectory);
        if (acquired.isEmpty()) {
            log.info(DaemonProcess.ALREADY_RUNNING_LOG + root + "; exiting");
            return EXIT_ALREADY_RUNNING;
        }
        lock = acquired.get();
        DaemonAddress.ensurePrivateDirectory(socketPath.getParent());
        DaemonAddress.checkLength(socketPath);
        // we hold the lock, so a socket file left here belongs to a dead daemon
        Files.deleteIfExists(socketPath);
        engine = new WorkspaceEngine(root);
        if (engine.tasksKilledAtStart() > 0) {
            log.info("killed " + engine.tasksKilledAtStart() + " task process(es) that a daemon killed before them"
                    + " had left running");
        }
        server = AFUNIXServerSocket.newInstance();
        server.setReuseAddress(false);
        server.setDeleteOnClose(false); // the socket is removed by identity, not by path: see OwnedFiles
        server.bind(AFUNIXSocketAddress.of(socketPath));
        owned = OwnedFiles.take(root, stateDirectory.resolve(DaemonLock.NAME), socketPath);
        engine.saveStateOnlyWhile(() -> owned.gone().isEmpty());
        new DiscoveryFile(ProcessHandle.current().pid(), version, socketPath.toString(), root.toString(),
                startedAtMillis).write(stateDirectory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown("signal"), "same-daemon-shutdown"));
        log.info("daemon " + version + " (pid " + ProcessHandle.current().pid() + ") serving " + root + " on "
                + socketPath + ", idle timeout " + DurationParser.format(idle.timeout()));
        idle.requestSeen(); // idle time counts from serving, not from the JVM's start: a 2s timeout on a busy machine
        Thread.ofVirtual().name("same-idle").start(this::watchClients);
        Thread.ofVirtual().name("same-indexing").start(this::startLiveState);
        acceptLoop();
        stopped.await();
        return 0;
    }

    /** Indexes the workspace and starts watching it, while clients are already served. */
    private void startLiveState() {
        long start = System.nanoTime();
        try {
            engine.startLiveState(watchDebounce, Timer.system(), InstantSource.system(), Duration.ofSeconds(2),
                    warnings -> warnings.forEach(warning -> log.info("warning: " + warning)));
            log.info("indexed the workspace and started watching it in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms (" + engine.live().watcherStatistics()
                    .directories() + " directories)");
        } catch (RuntimeException e) {
            log.error("live state unavailable; answering from fresh computations", e);
        }
    }

    private void acceptLoop() {
        while (!stopping.get()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!stopping.get()) {
                    log.error("accept failed", e);
                    shutdown("accept failed");
                }
                return;
            }
            Thread.ofVirtual().name("same-session").start(() -> serve((AFUNIXSocket) socket));
        }
    }

    private void serve(AFUNIXSocket socket) {
        long peerPid = -1;
        try {
            AFUNIXSocketCredentials peer = socket.getPeerCredentials();
            peerPid = peer.getPid();
            if (peer.getUid() != uid) {
                log.info("refused a connection from uid " + peer.getUid() + " (pid " + peerPid + ")");
                socket.close();
                return;
            }
        } catch (IOException e) {
            log.info("refused a connection whose credentials cannot be read: " + e.getMessage());
            closeQuietly(socket);
            return;
        }
        Session session;
        try {
            session = new Session(socket, peerPid, engine, this, version, clock);
        } catch (IOException | OutOfMemoryError e) {
            // OutOfMemoryError: no thread can be started (a process limit); the client hears a refusal, not silence
            log.info("cannot serve a new client: " + e);
            closeQuietly(socket);
            return;
        }
        sessions.add(session);
        idle.clientConnected();
        try {
            session.serve();
        } finally {
            sessions.remove(session);
            idle.clientDisconnected();
        }
    }

    /** Stops the daemon once idle; disconnects stalled clients meanwhile. */
    private void watchClients() {
        while (!stopping.get()) {
            Optional<String> gone = owned.gone();
            if (gone.isPresent()) {
                shutdown(gone.get());
                return;
            }
            sessions.forEach(session -> session.disconnectIfStalled(STALLED_CLIENT).ifPresent(log::info));
            Duration left = idle.remaining();
            if (left != null && left.isZero()) {
                shutdown("idle for " + DurationParser.format(idle.timeout()));
                return;
            }
            long wait = left == null ? 1000 : Math.min(1000, Math.max(10, left.toMillis()));
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public DaemonStatus status() {
        Duration left = idle.remainingWithout(1); // the client asking is connected: not counted
        Runtime runtime = Runtime.getRuntime();
        List<String> clients = sessions.stream().map(Session::describe).sorted().toList();
        LiveWorkspace live = engine.live();
        Health health = live == null ? null : live.health();
        String healthText = health == null ? "starting" : health.status() == HealthStatus.OK ? "OK"
                : health.status() + ": " + health.reason() + " (" + health.remedy() + ")";
        WatcherStatistics watch = live == null ? null : live.watcherStatistics();
        return new DaemonStatus(ProcessHandle.current().pid(), version, root.toString(), socketPath.toString(),
                startedAtMillis, System.currentTimeMillis() - startedAtMillis, idle.timeout().toMillis(),
                left == null ? -1 : left.toMillis(), runtime.totalMemory() - runtime.freeMemory(), Memory.rssBytes(),
                clients, engine.activeRuns(), engine.statistics().cacheHits(), engine.statistics().cacheMisses(),
                engine.epoch(), healthText, watch == null ? 0 : watch.directories(),
                watch == null ? 0 : watch.events(), watch == null ? 0 : watch.rescans(),
                engine.environments().hits(), engine.environments().misses(), engine.remoteCaches().status());
    }

    @Override
    public void requestStop() {
        // on another thread, so this request is answered; the shutdown waits for that answer to be written
        Thread.ofVirtual().start(() -> {
            shutdown("daemon/stop");
            System.exit(0);
        });
    }

    @Override
    public void touched() {
        idle.requestSeen();
    }

    /** Stops a daemon that runs inside another program (the AOT training), as {@code daemon/stop} does, and stays. */
    public void stop() {
        shutdown("stopped by the program it runs in");
    }

    /** Stops accepting, cancels runs, closes clients, removes the socket and discovery file, drops the lock. */
    void shutdown(String why) {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped();
            return;
        }
        log.info("shutting down: " + why);
        try {
            if (engine != null) {
                // clients tell a deliberate stop from a crash by this: they wait instead of starting a new daemon
                engine.subscribers().health(new Health(engine.epoch(), HealthStatus.SHUTTING_DOWN,
                        "the daemon is stopping: " + why, null));
            }
            closeQuietly(server);
            if (engine != null) {
                engine.close();
            }
            sessions.forEach(Session::closeGracefully);
            if (owned != null) {
                owned.removeSocket(); // only our own: another daemon may serve this path by now
            }
            if (DiscoveryFile.read(stateDirectory).map(d -> d.pid() == ProcessHandle.current().pid()).orElse(false)) {
                Files.deleteIfExists(stateDirectory.resolve(DiscoveryFile.NAME));
            }
        } catch (IOException e) {
            log.error("cleanup failed", e);
        } finally {
            if (lock != null) {
                lock.close();
            }
            log.info("stopped");
            stopped.countDown();
        }
    }

    private void awaitStopped() {
        try {
            stopped.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
