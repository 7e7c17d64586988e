package dev.same.server.state;

import dev.same.protocol.ConfigError;
import dev.same.protocol.GraphInvalidated;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.Health;
import dev.same.protocol.TaskStatusInfo;
import dev.same.server.SameException;
import dev.same.server.config.ConfigLoader;
import dev.same.server.config.Workspace;
import dev.same.server.graph.TaskGraph;
import dev.same.server.watch.ChangeBatch;
import dev.same.server.watch.Debouncer;
import dev.same.server.watch.Timer;
import dev.same.server.watch.WatchFilter;
import dev.same.server.watch.WatcherStatistics;
import dev.same.server.watch.WorkspaceWatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The daemon's live view of the workspace: the graph (reloaded only when a config file changes; an invalid
 * config keeps the last good graph and reports the error) and every task's state, recomputed as the
 * watcher reports changes, published as an immutable {@link Snapshot} that reads never wait for, and
 * pushed to clients as the differences.
 */
public final class LiveWorkspace implements AutoCloseable {
    /** What clients see; replaced atomically, never modified. */
    public record Snapshot(long epoch, Workspace workspace, TaskGraph graph, ConfigError configError,
                           Map<String, TaskStatusInfo> statuses) {
    }

    /** Where the changes go: the engine fans them out to subscribed clients. */
    public interface Pushes {
        void hashesChanged(HashesChanged change);

        void graphInvalidated(GraphInvalidated change);

        void health(Health health);
    }

    private static final Duration COOKIE_WAIT = Duration.ofSeconds(5);

    private final Path root;
    private final StatusCalculator calculator;
    private final Pushes pushes;
    private final Consumer<ChangeBatch> changesSeen;
    private final WatchFilter filter = new WatchFilter();
    private final WorkspaceWatcher watcher;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("same-live-state").factory());
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final Map<String, CompletableFuture<Void>> cookies = new ConcurrentHashMap<>();
    private volatile Health health;

    public LiveWorkspace(Path root, StatusCalculator calculator, Pushes pushes, Duration debounce, Timer timer,
                         InstantSource clock, Duration pollInterval) {
        this(root, calculator, pushes, batch -> { }, debounce, timer, clock, pollInterval);
    }

    /**
     * @param changesSeen told of every batch of changes before states are recomputed, so caches that depend on
     *                    files (the environments of env commands) can drop what is stale
     */
    public LiveWorkspace(Path root, StatusCalculator calculator, Pushes pushes, Consumer<ChangeBatch> changesSeen,
                         Duration debounce, Timer timer, InstantSource clock, Duration pollInterval) {
        this.root = root;
        this.calculator = calculator;
        this.pushes = pushes;
        this.changesSeen = changesSeen;
        Debouncer debouncer = new Debouncer(debounce, debounce.multipliedBy(20), timer, clock,
                batch -> submit(() -> apply(batch)));
        this.watcher = new WorkspaceWatcher(root, filter, debouncer, timer, pollInterval, this::healthChanged);
        this.health = new Health(0, "OK", null, null);
    }

    /** Loads the graph, computes every state, then starts watching. */
    public void start() {
        Snapshot first = load(0, null);
        snapshot.set(first);
        watcher.start();
    }

    public Snapshot snapshot() {
        return snapshot.get();
    }

    public Health health() {
        return health;
    }

    public WatcherStatistics watcherStatistics() {
        return watcher.statistics();
    }

    /**
     * Read-your-writes: returns once every file change made before this call has been processed, by writing a
     * cookie file and waiting until the watcher reports it (at most a few seconds, then it answers anyway).
     */
    public Snapshot awaitWrites() {
        String name = UUID.randomUUID().toString();
        String relative = WatchFilter.COOKIE_DIRECTORY + "/" + name;
        CompletableFuture<Void> seen = new CompletableFuture<>();
        cookies.put(relative, seen);
        Path cookie = root.resolve(relative);
        try {
            Files.createDirectories(cookie.getParent());
            Files.writeString(cookie, "");
            seen.get(watcher.polling() ? COOKIE_WAIT.toMillis() * 3 : COOKIE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // a slow or degraded watcher: answer with what is known rather than hang
        } finally {
            cookies.remove(relative);
            try {
                Files.deleteIfExists(cookie);
            } catch (IOException ignored) {
                // removed by the next clean-up
            }
        }
        return snapshot.get();
    }

    /** Recomputes every state now (after a run), pushing what changed. */
    public void refresh() {
        submit(() -> apply(new ChangeBatch(Set.of(), false)));
    }

    /** Tells clients at once that a task started or finished in a run. */
    public void taskStateChanged(TaskStatusInfo status) {
        submit(() -> {
            Snapshot current = snapshot.get();
            Map<String, TaskStatusInfo> statuses = new LinkedHashMap<>(current.statuses());
            if (!statuses.containsKey(status.id()) || Objects.equals(statuses.get(status.id()), status)) {
                return;
            }
            statuses.put(status.id(), status);
            Snapshot next = new Snapshot(current.epoch() + 1, current.workspace(), current.graph(),
                    current.configError(), statuses);
            snapshot.set(next);
            pushes.hashesChanged(new HashesChanged(next.epoch(), List.of(status), List.of()));
        });
    }

    /** Work for the state's own thread; after {@link #close()} there is no state left to update. */
    private void submit(Runnable work) {
        try {
            worker.execute(work);
        } catch (RejectedExecutionException closed) {
            // a run that ends during shutdown: its answer matters, this update does not
        }
    }

    private void apply(ChangeBatch batch) {
        changesSeen.accept(batch);
        Snapshot previous = snapshot.get();
        boolean configChanged = batch.rescan() || batch.paths().stream().anyMatch(this::affectsConfig);
        Snapshot next = configChanged ? load(previous.epoch() + 1, previous)
                : recompute(previous.epoch() + 1, previous.workspace(), previous.graph(), previous.configError());
        snapshot.set(next);
        if (configChanged && (next.configError() != null || !Objects.equals(
                previous.workspace() == null ? null : previous.workspace().tasks(),
                next.workspace() == null ? null : next.workspace().tasks())
                || !Objects.equals(previous.configError(), next.configError()))) {
            pushes.graphInvalidated(new GraphInvalidated(next.epoch(), next.configError()));
        }
        List<TaskStatusInfo> changed = new ArrayList<>();
        next.statuses().forEach((id, status) -> {
            if (!Objects.equals(previous.statuses().get(id), status)) {
                changed.add(status);
            }
        });
        if (!changed.isEmpty()) {
            List<String> files = batch.paths().stream()
                    .filter(p -> !p.startsWith(WatchFilter.COOKIE_DIRECTORY)).sorted().toList();
            pushes.hashesChanged(new HashesChanged(next.epoch(), changed, files));
        }
        for (String path : batch.paths()) {
            CompletableFuture<Void> waiting = cookies.get(path);
            if (waiting != null) {
                waiting.complete(null);
            }
        }
        if (batch.rescan()) {
            cookies.values().forEach(c -> c.complete(null));
        }
    }

    private boolean affectsConfig(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("same.yaml") || name.equals("same.work.yaml")) {
            return true;
        }
        Snapshot current = snapshot.get();
        // a directory appearing or going where the projects globs look (packages/<new>) may be a project
        return current.workspace() != null && !path.contains("/.") && current.workspace().projects().values()
                .stream().anyMatch(p -> !p.relativeDir().isEmpty() && parentOf(p.relativeDir()).equals(parentOf(path))
                        && !Files.isRegularFile(root.resolve(path)));
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private Snapshot load(long epoch, Snapshot previous) {
        try {
            Workspace workspace = ConfigLoader.load(root);
            TaskGraph graph = TaskGraph.of(workspace);
            List<String> targets = new ArrayList<>();
            workspace.tasks().values().forEach(t -> targets.addAll(t.targets()));
            filter.targets(targets);
            return recompute(epoch, workspace, graph, null);
        } catch (SameException e) {
            ConfigError error = ConfigErrors.of(e);
            if (previous == null || previous.workspace() == null) {
                return new Snapshot(epoch, null, null, error, Map.of());
            }
            return recompute(epoch, previous.workspace(), previous.graph(), error);
        }
    }

    private Snapshot recompute(long epoch, Workspace workspace, TaskGraph graph, ConfigError error) {
        if (workspace == null) {
            return new Snapshot(epoch, null, null, error, Map.of());
        }
        Map<String, TaskStatusInfo> statuses = calculator.statuses(workspace, graph, graph.order());
        return new Snapshot(epoch, workspace, graph, error, java.util.Collections.unmodifiableMap(statuses));
    }

    private void healthChanged(WorkspaceWatcher.HealthChange change) {
        long epoch = snapshot.get() == null ? 0 : snapshot.get().epoch();
        health = change.degraded() ? new Health(epoch, "DEGRADED", change.reason(), change.remedy())
                : new Health(epoch, "OK", null, null);
        pushes.health(health);
    }

    /** The statuses of a subset, for answers about some targets. */
    public static List<TaskStatusInfo> select(Snapshot snapshot, List<String> tasks) {
        return tasks.stream().map(snapshot.statuses()::get).filter(Objects::nonNull).toList();
    }

    @Override
    public void close() {
        watcher.close();
        worker.shutdownNow();
    }
}
