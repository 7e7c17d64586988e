package dev.same.server.service;

import dev.same.server.env.EnvSettings;
import dev.same.server.env.ToolEnvironment;
import dev.same.server.env.ToolEnvironmentResolver;
import dev.same.protocol.AttachParams;
import dev.same.protocol.Change;
import dev.same.protocol.RunEvent;
import dev.same.protocol.TaskState;
import dev.same.server.state.LiveWorkspace;
import dev.same.server.watch.Timer;
import java.time.Duration;
import java.time.InstantSource;
import dev.same.protocol.ExplainParams;
import dev.same.protocol.Health;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.GraphInvalidated;
import dev.same.protocol.ExplainResult;
import dev.same.protocol.StatusParams;
import dev.same.protocol.StatusResult;
import dev.same.protocol.TaskStatusInfo;
import dev.same.server.cache.ActionRecord;
import dev.same.server.config.Rebuild;
import dev.same.server.exec.Fingerprinter;
import dev.same.server.state.RunTracker;
import dev.same.server.state.StatusCalculator;
import dev.same.server.exec.TaskFingerprint;
import java.util.Optional;
import dev.same.protocol.CleanParams;
import dev.same.protocol.CleanResult;
import dev.same.protocol.GraphResult;
import dev.same.protocol.ProjectInfo;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.TaskInfo;
import dev.same.server.SameException;
import dev.same.server.cache.CacheDirectory;
import dev.same.server.cache.remote.RemoteCaches;
import dev.same.server.cache.remote.RemoteRun;
import dev.same.protocol.client.PrivateFiles;
import dev.same.server.cache.LeftBehindFiles;
import dev.same.server.config.TaskDef;
import dev.same.server.config.Workspace;
import dev.same.server.config.YamlTrees;
import dev.same.protocol.EnvParams;
import dev.same.protocol.EnvResult;
import dev.same.server.exec.TaskEnvironment;
import dev.same.server.exec.RunExecution;
import dev.same.server.exec.RunStatistics;
import dev.same.server.exec.RunningTasks;
import dev.same.server.exec.WorkspaceWrites;
import dev.same.server.graph.TargetResolver;
import dev.same.server.graph.TaskGraph;
import dev.same.server.hash.FileDigests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine of one workspace root, shared by every client of a server: file digests, caches, active runs.
 */
public final class WorkspaceEngine implements AutoCloseable {
    private final Path root;
    private final CacheDirectory cache;
    private final Path digestFile;
    private final FileDigests digests;
    private final Path treesFile;
    private volatile BooleanSupplier statePresent = () -> true;
    private final YamlTrees trees;
    private final ToolEnvironmentResolver environments;
    private final RunStatistics statistics = new RunStatistics();
    private final Map<String, ActiveRun> runs = new ConcurrentHashMap<>();
    private final RunTracker tracker;
    private final Fingerprinter fingerprinter;
    private final StatusCalculator statuses;
    private final int tasksKilledAtStart;
    private final RunningTasks runningTasks;
    private final WorkspaceWrites writes = new WorkspaceWrites();
    private final Subscribers subscribers = new Subscribers();
    /** Background work (uploads) reports on stderr: the daemon's log, or the terminal of a run in process. */
    private final RemoteCaches remoteCaches = new RemoteCaches(System.err::println);
    /** Fresh until the daemon turns on its live state; then live. */
    private volatile WorkspaceView view;
    private volatile LiveWorkspace live;
    private volatile boolean closed;
    /** How often a daemon saves its digest memory when it changed; also at its end and after every request. */
    public static final Duration DIGESTS_SAVED_EVERY = Duration.ofMinutes(1);

    private record ActiveRun(RunExecution execution, RunBroadcast broadcast, CompletableFuture<RunResult> result) {
    }

    public WorkspaceEngine(Path root) {
        this(root, EnvSettings.fromEnvironment(System.getenv()));
    }

    /**
     * Takes charge of the workspace: makes {@code .same/} private if an older version left it readable by others,
     * loads the digest memory, and kills the task processes that an owner gone since (a daemon killed with -9, a
     * killed {@code --no-daemon} run) left running ({@link RunningTasks}), and removes the temporary files such an
     * owner left ({@link LeftBehindFiles}).
     */
    public WorkspaceEngine(Path root, EnvSettings envSettings) {
        this.root = root;
        tightenStateDirectory(root);
        this.cache = CacheDirectory.of(root);
        this.environments = new ToolEnvironmentResolver(cache, envSettings);
        this.digestFile = cache.cacheDir().resolve("file-digests");
        this.digests = FileDigests.load(digestFile, InstantSource.system(),
                reason -> System.err.println("same: " + reason + "; ignored, so inputs are hashed again"));
        this.treesFile = cache.cacheDir().resolve("config-trees");
        this.trees = ConfigTreesFile.read(treesFile, reason -> System.err.println("same: " + reason
                + "; ignored, so the configuration is parsed again"));
        this.tracker = new RunTracker(cache.cacheDir().resolve("failures"));
        this.fingerprinter = new Fingerprinter(digests, environments);
        this.statuses = new StatusCalculator(fingerprinter, cache.actionCache(), tracker, remoteCaches::available);
        this.view = new FreshView(root, statuses, trees);
        Path running = root.resolve(".same").resolve("running");
        this.tasksKilledAtStart = RunningTasks.killLeftBehind(running);
        LeftBehindFiles.sweep(root);
        this.runningTasks = RunningTasks.ofThisProcess(running);
    }

    private static void tightenStateDirectory(Path root) {
        try {
            PrivateFiles.tighten(root.resolve(".same"));
        } catch (IOException e) {
            // an unreadable .same/ fails the first read or write of it, with its own message
        }
    }

    /** Task processes that an owner killed before them (a daemon after kill -9) had left running, killed now. */
    public int tasksKilledAtStart() {
        return tasksKilledAtStart;
    }

    public long epoch() {
        return view.epoch();
    }

    /** Every task's live state, or those of the targets and their dependencies. */
    public StatusResult status(StatusParams params) {
        StatusResult result = view.status(params.includeWrites(), (workspace, graph) ->
                params.targets() == null || params.targets().isEmpty() ? graph.order()
                        : graph.closure(resolver(workspace, graph).resolve(params.targets(), cwdOf(params.cwd()))));
        saveState();
        return result;
    }

    /** What changed for one task since its last successful run. */
    public ExplainResult explain(ExplainParams params) {
        WorkspaceView.Loaded loaded = view.load(params.includeWrites());
        Workspace workspace = loaded.workspace();
        TaskGraph graph = loaded.graph();
        String id = oneTask(workspace, graph, params.task(), params.cwd());
        TaskFingerprint fingerprint = fingerprinter.fingerprint(workspace, graph, graph.closure(List.of(id))).get(id);
        TaskStatusInfo status = statuses.status(graph, fingerprint);
        List<Change> changes = switch (status.state()) {
            case CLEAN -> List.of();
            case DIRTY -> graph.task(id).rebuild() == Rebuild.ALWAYS
                    ? List.of(new Change("ALWAYS_REBUILD", null, "rebuild: always: it runs every time"))
                    : statuses.changes(fingerprint);
            default -> status.reasons().stream().map(r -> new Change(status.state().name(), null, r)).toList();
        };
        Optional<ActionRecord> previous = cache.actionCache().lastSuccessful(id);
        saveState();
        return new ExplainResult(epoch(), id, status.state(), fingerprint.hash(),
                previous.map(ActionRecord::hash).orElse(null),
                previous.map(r -> r.finishedAt().toEpochMilli()).orElse(null), changes);
    }

    /** The one task {@code typed} names (as on the command line); naming none or several is an error. */
    private String oneTask(Workspace workspace, TaskGraph graph, String typed, String cwd) {
        List<String> ids = resolver(workspace, graph).resolve(List.of(typed), cwdOf(cwd));
        if (ids.size() != 1) {
            throw new SameException("'" + typed + "' names " + ids.size() + " tasks; name one",
                    List.of("candidates: " + String.join(", ", ids)));
        }
        return ids.getFirst();
    }

    /**
     * The variables one task would run with, resolving its environment (again, if it failed before). In the daemon
     * it answers once every file change made before the request is seen, so an edited {@code .tool-versions} counts.
     */
    public EnvResult environment(EnvParams params) {
        WorkspaceView.Loaded loaded = view.load(true);
        Workspace workspace = loaded.workspace();
        TaskGraph graph = loaded.graph();
        TaskDef task = graph.task(oneTask(workspace, graph, params.task(), params.cwd()));
        var project = workspace.projects().get(task.project());
        ToolEnvironment tools = environments.resolveNow(project, task);
        Map<String, String> caller = params.environment() == null ? Map.of() : params.environment();
        return new EnvResult(task.id(), tools.hash(), TaskEnvironment.build(caller, tools.variables(),
                task.environment()), environments.describe(project, task));
    }

    public ToolEnvironmentResolver environments() {
        return environments;
    }

    private TargetResolver resolver(Workspace workspace, TaskGraph graph) {
        return new TargetResolver(graph, workspace.root(), workspace.projects().values());
    }

    private Path cwdOf(String cwd) {
        return cwd == null ? root : Path.of(cwd);
    }

    public Path root() {
        return root;
    }

    public RunStatistics statistics() {
        return statistics;
    }

    public RemoteCaches remoteCaches() {
        return remoteCaches;
    }

    public List<String> activeRuns() {
        return List.copyOf(runs.keySet());
    }

    public GraphResult graph() {
        WorkspaceView.Loaded loaded = view.load(false);
        Workspace workspace = loaded.workspace();
        TaskGraph graph = loaded.graph();
        List<ProjectInfo> projects = workspace.projects().values().stream()
                .map(p -> new ProjectInfo(p.name(), p.relativeDir(), relative(p.configFile())))
                .toList();
        List<TaskInfo> tasks = workspace.tasks().values().stream().map(this::describe).toList();
        return new GraphResult(workspace.root().toString(), workspace.standalone(), projects, tasks, graph.order(),
                workspace.warnings());
    }

    /** Plans and executes a run; {@code client} gets its pushes. Returns when the run has finished. */
    public RunResult run(RunParams params, SameClientApi client) throws InterruptedException {
        if (params.targets() == null || params.targets().isEmpty()) {
            throw new SameException("run/start needs targets: task names, or \"all\"");
        }
        WorkspaceWrites.Mark knownAt = writes.mark(); // before the live state is read: see RunExecution
        WorkspaceView.Loaded loaded = view.load(true);
        Workspace workspace = loaded.workspace();
        TaskGraph graph = loaded.graph();
        List<String> targets = resolver(workspace, graph).resolve(params.targets(), cwdOf(params.cwd()));
        // every environment the run needs, before anything runs: a broken one fails the run as a whole
        environments.prepare(workspace, graph.closure(targets).stream().map(graph::task).toList());
        RemoteRun remote = remoteCaches.forRun(workspace.remoteCache(),
                params.environment() == null ? Map.of() : params.environment()).orElse(null);
        RunBroadcast broadcast = new RunBroadcast(this::observe);
        broadcast.subscribe(client, 0);
        RunExecution execution = new RunExecution(workspace, graph, targets, params, broadcast, cache, digests,
                environments, statistics, loaded.known(), runningTasks, writes, knownAt, remote);
        ActiveRun active = new ActiveRun(execution, broadcast, new CompletableFuture<>());
        if (runs.putIfAbsent(execution.runId(), active) != null) {
            throw new SameException("a run with id " + execution.runId() + " is already active");
        }
        try {
            RunResult result = execution.execute();
            active.result().complete(result);
            return result;
        } catch (RuntimeException | InterruptedException e) {
            active.result().completeExceptionally(e);
            throw e;
        } finally {
            runs.remove(execution.runId());
            saveState();
            view.runEnded();
        }
    }

    private void observe(RunEvent event) {
        switch (event.kind()) {
            case TASK_STARTED -> tracker.started(event.task());
            case TASK_FINISHED -> tracker.finished(event.task(), event.status(), event.hash());
            default -> { }
        }
        LiveWorkspace current = live;
        if (current == null || event.task() == null) {
            return;
        }
        TaskState state = switch (event.kind()) {
            case TASK_STARTED -> TaskState.RUNNING;
            case TASK_FINISHED -> switch (event.status()) {
                case OK, CACHED -> TaskState.CLEAN;
                case FAILED -> TaskState.FAILED;
                default -> null;
            };
            default -> null;
        };
        if (state != null) {
            List<String> reasons = switch (state) {
                case RUNNING -> List.of("running");
                case FAILED -> List.of(event.reason() == null ? "failed" : "failed: " + event.reason());
                default -> List.of();
            };
            current.taskStateChanged(new TaskStatusInfo(event.task(), state, event.hash(), reasons));
        }
    }

    /**
     * Turns on the daemon's live state: a file watcher keeps the graph and every task's state current, and
     * subscribed clients get the changes pushed.
     */
    public void startLiveState(Duration debounce, Timer timer, InstantSource clock, Duration pollInterval) {
        startLiveState(debounce, timer, clock, pollInterval, warnings -> { });
    }

    /** As the other, handing the configuration's warnings to {@code warnings} whenever a load changes them. */
    public void startLiveState(Duration debounce, Timer timer, InstantSource clock, Duration pollInterval,
                               Consumer<List<String>> warnings) {
        LiveWorkspace.Pushes pushes = new LiveWorkspace.Pushes() {
            @Override
            public void hashesChanged(HashesChanged change) {
                checkRemote(change.tasks());
                subscribers.hashesChanged(change);
            }

            @Override
            public void graphInvalidated(GraphInvalidated change) {
                subscribers.graphInvalidated(change);
            }

            @Override
            public void health(Health health) {
                subscribers.health(health);
            }
        };
        LiveWorkspace workspace = new LiveWorkspace(root, statuses, pushes,
                batch -> environments.invalidate(batch.paths(), batch.rescan()), debounce, timer, clock, pollInterval);
        workspace.onWarnings(warnings);
        workspace.useYamlTrees(trees);
        workspace.start();
        if (closed) { // closed while it indexed (a daemon stopped at once): it neither watches nor writes from now on
            workspace.close();
            return;
        }
        live = workspace;
        saveState(); // the first indexing hashed every input: a daemon killed from now on leaves them saved
        saveStateEvery(DIGESTS_SAVED_EVERY, timer);
        checkRemote(workspace.snapshot().statuses().values());
        view = new LiveView(workspace);
    }

    /**
     * Asks the remote cache, in the background, about the dirty tasks among {@code tasks}; those it holds are
     * marked {@value TaskStatusInfo#REMOTE_HIT_AVAILABLE} and pushed. The daemon's own environment names the
     * remote until a run has named one.
     */
    private void checkRemote(java.util.Collection<TaskStatusInfo> tasks) {
        LiveWorkspace current = live;
        LiveWorkspace.Snapshot snapshot = current == null ? null : current.snapshot();
        if (snapshot == null || snapshot.workspace() == null) {
            return;
        }
        List<String> dirty = tasks.stream()
                .filter(t -> t.state() == TaskState.DIRTY && t.hash() != null)
                .filter(t -> !t.reasons().contains(TaskStatusInfo.REMOTE_HIT_AVAILABLE))
                .map(TaskStatusInfo::hash).toList();
        if (!dirty.isEmpty()) {
            remoteCaches.checkAvailable(snapshot.workspace().remoteCache(), System.getenv(), dirty, current::refresh);
        }
    }

    public LiveWorkspace live() {
        return live;
    }

    /** The watcher's health; null until the live state has started (or without one, in process). */
    public Health health() {
        LiveWorkspace current = live;
        return current == null ? null : current.health();
    }

    public Subscribers subscribers() {
        return subscribers;
    }

    /** Follows a live run from message {@code fromMessage}; completes with its result. */
    public CompletableFuture<RunResult> attach(AttachParams params, SameClientApi client) {
        ActiveRun active = runs.get(params.runId());
        if (active == null) {
            throw new SameException("no active run '" + params.runId() + "'",
                    List.of("active runs: " + (runs.isEmpty() ? "none" : String.join(", ", runs.keySet()))));
        }
        active.broadcast().subscribe(client, params.fromMessage());
        return active.result().whenComplete((r, e) -> active.broadcast().unsubscribe(client));
    }

    public boolean cancel(String runId) {
        ActiveRun active = runs.get(runId);
        if (active != null) {
            active.execution().cancel();
        }
        return active != null;
    }

    public CleanResult clean(CleanParams params) throws IOException {
        List<String> removed = new ArrayList<>();
        long bytes = 0;
        if (params.cache()) {
            var result = cache.clean(true, false);
            if (result.files() > 0) {
                removed.add(root.relativize(cache.cacheDir()) + " (" + Sizes.human(result.bytes()) + ")");
                bytes += result.bytes();
            }
            digests.clear();
        }
        if (params.tools()) {
            var result = cache.clean(false, true);
            if (result.files() > 0) {
                removed.add(root.relativize(cache.toolsDir()) + " (" + Sizes.human(result.bytes()) + ")");
                bytes += result.bytes();
            }
        }
        environments.forgetAll(); // the daemon's memory must not outlive what the user asked to clean
        return new CleanResult(removed, bytes);
    }

    private TaskInfo describe(TaskDef task) {
        return new TaskInfo(task.id(), task.project(), task.name(), task.cmd(), task.inputs(), task.targets(),
                task.dependsOn(), task.tools(), task.environment(), task.workingDir(), task.rebuild().yamlName(),
                relative(task.location().file()), task.location().line());
    }

    private String relative(Path file) {
        return file.isAbsolute() ? root.relativize(file).toString() : file.toString();
    }

    /**
     * Saves the digest memory (if it changed) every {@code interval} while the live state runs, so that a daemon
     * killed without its shutdown (kill -9, a crash, the machine's power) loses at most that much of it.
     */
    private void saveStateEvery(Duration interval, Timer timer) {
        timer.schedule(interval, () -> {
            if (live != null && !closed) {
                saveState();
                saveStateEvery(interval, timer);
            }
        });
    }

    /**
     * From now on the digest memory and the parsed configuration are saved only while {@code present} says the
     * state directory is still there: a daemon whose {@code .same/} was deleted must not make it again as it stops.
     */
    public void saveStateOnlyWhile(BooleanSupplier present) {
        statePresent = present;
    }

    /** Saves the digest memory and the parsed configuration where they changed: only speed-ups, so quietly. */
    private void saveState() {
        if (!statePresent.getAsBoolean()) {
            return;
        }
        try {
            digests.saveIfChanged(digestFile);
        } catch (IOException e) {
            // only a speed-up for the next run; losing it is harmless
        }
        try {
            ConfigTreesFile.writeIfChanged(treesFile, trees);
        } catch (IOException e) {
            // as above
        }
    }

    /** Cancels every active run and waits for them to end, then for the uploads to the remote cache (bounded). */
    @Override
    public void close() {
        closed = true;
        LiveWorkspace current = live;
        if (current != null) {
            current.close();
        }
        runs.values().forEach(run -> run.execution().cancel());
        for (ActiveRun run : runs.values()) {
            try {
                run.result().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // ended one way or another
            }
        }
        remoteCaches.close();
        saveState();
    }
}
