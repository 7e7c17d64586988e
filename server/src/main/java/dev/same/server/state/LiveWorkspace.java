package dev.same.server.state;

import dev.same.server.exec.Fingerprinter;
import dev.same.server.exec.TaskFingerprint;
import dev.same.protocol.ConfigError;
import dev.same.protocol.GraphInvalidated;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.Health;
import dev.same.protocol.HealthStatus;
import dev.same.protocol.TaskStatusInfo;
import dev.same.server.SameException;
import dev.same.server.config.ConfigLoader;
import dev.same.server.config.TaskDef;
import dev.same.server.config.Workspace;
import dev.same.server.config.YamlTrees;
import dev.same.server.graph.TaskGraph;
import dev.same.server.watch.ChangeBatch;
import dev.same.server.watch.Debouncer;
import dev.same.server.watch.ReadYourWrites;
import dev.same.server.watch.Timer;
import dev.same.server.watch.WatchFilter;
import dev.same.server.watch.WatcherStatistics;
import dev.same.server.watch.WorkspaceWatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The daemon's live view of the workspace: the graph (reloaded only when a config file changes; an invalid
 * config keeps the last good graph and reports the error) and every task's state, recomputed as the
 * watcher reports changes, published as an immutable {@link Snapshot} that reads never wait for, and
 * pushed to clients as the differences. A batch of changed files recomputes only the tasks whose inputs it
 * touches, and the tasks that depend on them.
 */
public final class LiveWorkspace implements AutoCloseable {
    /**
     * What clients see; replaced atomically, never modified.
     *
     * @param fingerprints the fingerprints behind the statuses: each task's hash as the files were when the
     *                     snapshot was made, for a run that has written nothing yet to start from
     */
    public record Snapshot(long epoch, Workspace workspace, TaskGraph graph, ConfigError configError,
                           Map<String, TaskStatusInfo> statuses, Map<String, TaskFingerprint> fingerprints) {
    }

    /** Where the changes go: the engine fans them out to subscribed clients. */
    public interface Pushes {
        void hashesChanged(HashesChanged change);

        void graphInvalidated(GraphInvalidated change);

        void health(Health health);
    }


    private final Path root;
    private final StatusCalculator calculator;
    private final Pushes pushes;
    private final Consumer<ChangeBatch> changesSeen;
    private final WatchFilter filter = new WatchFilter();
    private final ReadYourWrites writes;
    private final WorkspaceWatcher watcher;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("same-live-state").factory());
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private volatile Health health;
    // used on the worker thread only: the fingerprints behind the snapshot's statuses, the tasks' input scopes
    private Map<String, TaskFingerprint> fingerprints = Map.of();
    private InputScopes scopes = new InputScopes(List.of());
    private List<String> lastWarnings = List.of();
    private volatile Consumer<List<String>> warningsListener = warnings -> { };
    private volatile YamlTrees trees = new YamlTrees();

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
        this.writes = new ReadYourWrites(root);
        Debouncer debouncer = new Debouncer(debounce, debounce.multipliedBy(20), timer, clock,
                batch -> submit(() -> apply(batch)));
        this.watcher = new WorkspaceWatcher(root, filter, debouncer, timer, pollInterval, this::healthChanged);
        this.health = new Health(0, HealthStatus.OK, null, null);
    }

    /**
     * Starts watching, then loads the graph and computes every state: a change made while the workspace is
     * being hashed is applied right after, never missed.
     */
    /**
     * Hands every load's warnings (skipped directories, ignored keys) to {@code listener} when they differ from the
     * last load's, on the worker thread: the daemon logs them. Set before {@link #start()}.
     */
    public void onWarnings(Consumer<List<String>> listener) {
        this.warningsListener = listener;
    }

    /**
     * Takes the trees of configuration files parsed before from {@code trees}, and adds those it parses, rather
     * than from a memory of its own. Set before {@link #start()}.
     */
    public void useYamlTrees(YamlTrees trees) {
        this.trees = trees;
    }

    public void start() {
        try {
            configureFilter(ConfigLoader.load(root, trees)); // what is skipped is skipped from the start
        } catch (SameException e) {
            // the first computation reports it
        }
        watcher.start();
        calculator.resultsChanged(); // recorded by another process after this daemon began, before it watched
        await(worker.submit(() -> snapshot.set(load(0, null))));
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

    /** Returns once every file change made before this call has been processed (see {@link ReadYourWrites}). */
    public Snapshot awaitWrites() {
        writes.await(watcher.polling(), watcher::rescan);
        return snapshot.get();
    }

    /**
     * Recomputes every task's state from the hashes already known (after a run, whose results change states
     * but not hashes), pushing what changed. Files the run wrote reach the state through the watcher like any
     * other change, and a request that reads its writes waits for them.
     */
    public void refresh() {
        submit(() -> {
            Snapshot previous = snapshot.get();
            if (previous != null && previous.workspace() != null) {
                Map<String, TaskStatusInfo> statuses = new LinkedHashMap<>();
                fingerprints.forEach((id, fingerprint) -> statuses.put(id,
                        calculator.status(previous.graph(), fingerprint)));
                Snapshot next = new Snapshot(previous.epoch() + 1, previous.workspace(), previous.graph(),
                        previous.configError(), Collections.unmodifiableMap(statuses), previous.fingerprints());
                publish(previous, next, List.of(), false, false);
            }
        });
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
                    current.configError(), statuses, current.fingerprints());
            snapshot.set(next);
            pushes.hashesChanged(new HashesChanged(next.epoch(), List.of(status), List.of()));
        });
    }

    /** Applies a batch now, on the worker, and returns once it is applied (for tests). */
    void applyNow(ChangeBatch batch) {
        await(worker.submit(() -> apply(batch)));
    }

    /** Returns once everything queued so far (batches, refreshes) has been applied (for tests). */
    void awaitIdle() {
        await(worker.submit(() -> { }));
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
        if (previous == null) {
            return; // before the first computation, which reads everything anyway
        }
        Runnable answerWaitingReads = writes.batchStarting(batch);
        List<String> files = batch.paths().stream().filter(p -> !isSameState(p)).sorted().toList();
        boolean configChanged = batch.rescan() || files.stream().anyMatch(this::affectsConfig);
        // results recorded or cleaned by another process (a --no-daemon run, same clean): every state may change
        boolean resultsChanged = batch.rescan() || batch.paths().stream().anyMatch(WatchFilter::isResult);
        if (resultsChanged) {
            calculator.resultsChanged();
        }
        Set<String> touched = scopes.touchedBy(files); // a reload recomputes everything, but names them too
        Map<String, TaskFingerprint> before = fingerprints;
        Snapshot next = configChanged ? load(previous.epoch() + 1, previous)
                : recompute(previous.epoch() + 1, previous.workspace(), previous.graph(), previous.configError(),
                touched, previous, resultsChanged);
        List<String> named = named(files, before, next.workspace());
        publish(previous, next, named, configChanged, !touched.isEmpty() || named.size() > files.size());
        answerWaitingReads.run();
    }

    /**
     * The batch's files and the input files the recomputation found changed, sorted, once each, all relative to the
     * watched root (inputs are recorded relative to the tasks' root, which a {@code root:} may move).
     */
    private List<String> named(List<String> files, Map<String, TaskFingerprint> before, Workspace workspace) {
        Set<String> named = new TreeSet<>(files);
        String offset = workspace == null ? "" : offsetOf(workspace);
        for (String input : InputChanges.between(before, fingerprints)) {
            named.add(offset != null ? InputScopes.under(offset, input)
                    : root.relativize(workspace.root().resolve(input).normalize()).toString().replace('\\', '/'));
        }
        return List.copyOf(named);
    }

    /**
     * Publishes the next snapshot and pushes the differences: the graph when the config changed, and the
     * tasks whose state changed; with {@code inputFiles}, the files are pushed even when no state changed, so
     * that every changed input file is named by a push.
     */
    private void publish(Snapshot previous, Snapshot next, List<String> files, boolean configChanged,
                         boolean inputFiles) {
        snapshot.set(next);
        if (configChanged && (!Objects.equals(tasksOf(previous), tasksOf(next))
                || !Objects.equals(previous.configError(), next.configError()))) {
            pushes.graphInvalidated(new GraphInvalidated(next.epoch(), next.configError()));
        }
        List<TaskStatusInfo> changed = new ArrayList<>();
        next.statuses().forEach((id, status) -> {
            if (!Objects.equals(previous.statuses().get(id), status)) {
                changed.add(status);
            }
        });
        if (!changed.isEmpty() || inputFiles) {
            pushes.hashesChanged(new HashesChanged(next.epoch(), changed, files));
        }
    }

    private static Map<String, TaskDef> tasksOf(Snapshot snapshot) {
        return snapshot.workspace() == null ? null : snapshot.workspace().tasks();
    }

    /** same's own files (cookies, results): never inputs. */
    private static boolean isSameState(String path) {
        return path.equals(".same") || path.startsWith(".same/");
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
            Workspace workspace = ConfigLoader.load(root, trees);
            TaskGraph graph = TaskGraph.of(workspace);
            if (!workspace.warnings().equals(lastWarnings)) {
                lastWarnings = workspace.warnings();
                warningsListener.accept(lastWarnings);
            }
            if (configureFilter(workspace)) {
                watcher.rewatch(); // an input may now reach into a directory the watcher skipped
            }
            scopes = new InputScopes(workspace.tasks().values(), offsetOf(workspace));
            return recompute(epoch, workspace, graph, null, null, previous, true);
        } catch (SameException e) {
            ConfigError error = ConfigErrors.of(e);
            if (previous == null || previous.workspace() == null) {
                return new Snapshot(epoch, null, null, error, Map.of(), Map.of());
            }
            return recompute(epoch, previous.workspace(), previous.graph(), error, null, previous, true);
        }
    }

    /** Skips the targets and dependency directories that no input reaches; true when that changed. */
    private boolean configureFilter(Workspace workspace) {
        String offset = offsetOf(workspace);
        if (offset == null) {
            return filter.configure(List.of(), List.of(new WatchFilter.InputReach("", List.of())));
        }
        List<String> targets = new ArrayList<>();
        workspace.tasks().values().forEach(t -> t.targets().forEach(target -> targets.add(
                InputScopes.under(offset, target))));
        return filter.configure(targets, InputScopes.reaches(workspace.tasks().values(), offset));
    }

    /**
     * Where the tasks' root lies below the watched one: "" for the same directory, a relative path when a
     * {@code root:} moves it below, null when it lies elsewhere.
     */
    private String offsetOf(Workspace workspace) {
        Path tasksRoot = workspace.root();
        if (!tasksRoot.startsWith(root)) {
            return null;
        }
        return root.relativize(tasksRoot).toString().replace('\\', '/');
    }

    /**
     * The states of every task: all recomputed ({@code stale} null), or only the stale tasks, those whose
     * dependencies' hashes changed and those whose inputs follow links (the others keep their fingerprint, and
     * their state unless {@code resultsChanged}: recorded results decide states too).
     */
    private Snapshot recompute(long epoch, Workspace workspace, TaskGraph graph, ConfigError error,
                               Set<String> stale, Snapshot previous, boolean resultsChanged) {
        if (workspace == null) {
            return new Snapshot(epoch, null, null, error, Map.of(), Map.of());
        }
        Fingerprinter fingerprinter = calculator.fingerprinter();
        boolean incremental = stale != null && previous != null && previous.graph() == graph;
        Map<String, TaskFingerprint> next = incremental ? fingerprinter.update(workspace, graph, fingerprints, stale)
                : fingerprinter.fingerprint(workspace, graph, graph.order());
        Map<String, TaskStatusInfo> statuses = new LinkedHashMap<>();
        next.forEach((id, fingerprint) -> {
            TaskStatusInfo kept = incremental && !resultsChanged && fingerprint == fingerprints.get(id)
                    ? previous.statuses().get(id) : null;
            statuses.put(id, kept != null ? kept : calculator.status(graph, fingerprint));
        });
        fingerprints = next;
        return new Snapshot(epoch, workspace, graph, error, Collections.unmodifiableMap(statuses),
                Collections.unmodifiableMap(next));
    }

    private void healthChanged(WorkspaceWatcher.HealthChange change) {
        long epoch = snapshot.get() == null ? 0 : snapshot.get().epoch();
        health = change.degraded() ? new Health(epoch, HealthStatus.DEGRADED, change.reason(), change.remedy())
                : new Health(epoch, HealthStatus.OK, null, null);
        pushes.health(health);
    }

    /** The statuses of a subset, for answers about some targets. */
    public static List<TaskStatusInfo> select(Snapshot snapshot, List<String> tasks) {
        return tasks.stream().map(snapshot.statuses()::get).filter(Objects::nonNull).toList();
    }

    private static void await(Future<?> work) {
        try {
            work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing the workspace's state", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        watcher.close();
        worker.shutdownNow();
    }
}
