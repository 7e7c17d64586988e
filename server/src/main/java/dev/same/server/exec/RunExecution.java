package dev.same.server.exec;

import dev.same.server.env.EnvironmentResolver;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.TaskStatus;
import dev.same.server.SameException;
import dev.same.server.cache.ActionRecord;
import dev.same.server.cache.CacheDirectory;
import dev.same.server.cache.LeftBehindFiles;
import dev.same.server.cache.OutputEntry;
import dev.same.server.cache.OutputSnapshot;
import dev.same.server.cache.remote.RemoteHit;
import dev.same.server.cache.remote.RemoteRun;
import dev.same.protocol.client.PrivateFiles;
import dev.same.server.config.Rebuild;
import dev.same.server.config.TaskDef;
import dev.same.server.config.Workspace;
import dev.same.server.graph.TaskGraph;
import dev.same.server.hash.FileDigests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

/**
 * One run: plans the closure of the targets, then for each task (dependencies first) hashes its inputs,
 * answers from the cache when it can (restoring outputs that are missing or changed), and otherwise runs it
 * and records its outputs and log. Every step is pushed to the client as {@code run/event} and
 * {@code run/output}.
 */
public final class RunExecution {
    private final String runId;
    private final Workspace workspace;
    private final TaskGraph graph;
    private final List<String> tasks;
    private final RunParams params;
    private final SameClientApi client;
    private final CacheDirectory cache;
    private final FileDigests digests;
    private final RunStatistics statistics;
    private final Fingerprinter fingerprinter;
    private final EnvironmentResolver environments;
    private final OutputSnapshot outputs = new OutputSnapshot();
    private final Cancellation cancellation = new Cancellation();
    private final TaskLocks locks;
    private final Map<String, TaskFingerprint> known;
    private final RunningTasks running;
    private final WorkspaceWrites writes;
    private final WorkspaceWrites.Mark knownAt;
    private final RemoteRun remote;
    private final Object finishedLock = new Object();
    private boolean runFinished;

    /**
     * @param known fingerprints the daemon's live state computed from the files as they are now (after every
     *              write the client made before asking was seen); a task whose dependencies' hashes and tools
     *              are those of its known fingerprint starts from it instead of reading its inputs again, as
     *              long as no run has written to the workspace since {@code knownAt}
     * @param running where the run's task processes are recorded while they run
     * @param writes  the writes of every run on the workspace; this run's are counted there too
     * @param knownAt taken before the files behind {@code known} were looked at (null without {@code known})
     */
    public RunExecution(Workspace workspace, TaskGraph graph, List<String> targets, RunParams params,
                        SameClientApi client, CacheDirectory cache, FileDigests digests,
                        EnvironmentResolver environments, RunStatistics statistics,
                        Map<String, TaskFingerprint> known, RunningTasks running, WorkspaceWrites writes,
                        WorkspaceWrites.Mark knownAt) {
        this(workspace, graph, targets, params, client, cache, digests, environments, statistics, known, running,
                writes, knownAt, null);
    }

    /** @param remote the remote cache behind the local one; null without one */
    public RunExecution(Workspace workspace, TaskGraph graph, List<String> targets, RunParams params,
                        SameClientApi client, CacheDirectory cache, FileDigests digests,
                        EnvironmentResolver environments, RunStatistics statistics,
                        Map<String, TaskFingerprint> known, RunningTasks running, WorkspaceWrites writes,
                        WorkspaceWrites.Mark knownAt, RemoteRun remote) {
        this.runId = params.runId() != null ? params.runId() : UUID.randomUUID().toString();
        this.workspace = workspace;
        this.graph = graph;
        this.tasks = graph.closure(targets);
        this.params = params;
        this.client = client;
        this.cache = cache;
        this.digests = digests;
        this.fingerprinter = new Fingerprinter(digests, environments);
        this.statistics = statistics;
        this.locks = new TaskLocks(cache.root()); // beside the cache: a root: may move the tasks' root elsewhere
        this.environments = environments;
        this.known = known;
        this.running = running;
        this.writes = writes;
        this.knownAt = knownAt;
        this.remote = remote;
    }

    public String runId() {
        return runId;
    }

    public void cancel() {
        cancellation.cancel();
    }

    public RunResult execute() throws InterruptedException {
        long start = System.nanoTime();
        client.runEvent(RunEvent.planned(runId, tasks, warnings()));
        int parallel = params.parallel() > 0 ? params.parallel() : Runtime.getRuntime().availableProcessors();
        Thread prefetch = remote == null ? null : new RemotePrefetch(graph, tasks,
                task -> mayUseCache(task) && task.caching().remote(), this::fingerprint,
                hash -> localHit(hash).isPresent(), remote, cache.contentStore()).start();
        Map<String, TaskResult> results;
        try {
            results = new Scheduler(graph, parallel).run(tasks, this::executeTask, cancellation,
                    (id, result) -> finished(id, result));
        } finally {
            if (prefetch != null) {
                prefetch.interrupt();
            }
            if (remote != null) {
                remote.close();
            }
        }
        Map<String, TaskStatus> statuses = new LinkedHashMap<>();
        results.forEach((id, result) -> statuses.put(id, result.status()));
        boolean success = results.values().stream().allMatch(TaskResult::succeeded);
        synchronized (finishedLock) {
            runFinished = true;
        }
        client.runEvent(RunEvent.runFinished(runId, success, Scheduler.millisSince(start)));
        return new RunResult(runId, success, success ? 0 : 1, statuses);
    }

    private TaskResult executeTask(String id, SortedMap<String, String> dependencyHashes, Cancellation cancel)
            throws InterruptedException {
        long start = System.nanoTime();
        TaskResult result;
        TaskDef task = graph.task(id);
        try {
            if (task.problem() != null) {
                throw new SameException(task.problem());
            }
            result = hashAndRun(task, dependencyHashes, cancel, start);
        } catch (SameException e) {
            result = TaskResult.failed(e.getMessage(), null, Scheduler.microsSince(start));
        } catch (IOException | RuntimeException e) {
            result = TaskResult.failed(describe(e), null, Scheduler.microsSince(start));
        }
        finished(id, result);
        return result;
    }

    /** The workspace's warnings, and the remote cache's about earlier runs. */
    private List<String> warnings() {
        if (remote == null || remote.notices().isEmpty()) {
            return workspace.warnings();
        }
        return java.util.stream.Stream.concat(workspace.warnings().stream(), remote.notices().stream()).toList();
    }

    private TaskResult hashAndRun(TaskDef task, SortedMap<String, String> dependencyHashes, Cancellation cancel,
                                  long start) throws IOException, InterruptedException {
        return useCacheOrRun(task, fingerprint(task, dependencyHashes), cancel, start);
    }

    private TaskFingerprint fingerprint(TaskDef task, SortedMap<String, String> dependencyHashes) {
        return knownFingerprint(task, dependencyHashes)
                .orElseGet(() -> fingerprinter.compute(workspace, task, dependencyHashes));
    }

    /**
     * The live state's fingerprint of the task, when it is certainly what reading the inputs would give: nothing
     * written to the workspace by any run since it was taken (outputs of tasks are often inputs of others), the
     * same dependency hashes and tool environment, and no inputs behind symbolic links (whose targets the watcher
     * does not follow).
     */
    private Optional<TaskFingerprint> knownFingerprint(TaskDef task, SortedMap<String, String> dependencyHashes) {
        TaskFingerprint fingerprint = known.get(task.id());
        if (fingerprint == null || fingerprint.problem() != null || knownAt == null || !writes.noneSince(knownAt)
                || fingerprint.followsLinks() || !fingerprint.dependencyHashes().equals(dependencyHashes)) {
            return Optional.empty();
        }
        String tools = environments.resolve(workspace.projects().get(task.project()), task).hash();
        return tools.equals(fingerprint.tools().hash()) ? Optional.of(fingerprint) : Optional.empty();
    }

    private TaskResult useCacheOrRun(TaskDef task, TaskFingerprint fingerprint, Cancellation cancel, long start)
            throws IOException, InterruptedException {
        String hash = fingerprint.hash();
        if (cancel.isCancelled()) {
            return cancelled(hash);
        }
        TaskLocks.Held lock;
        try {
            lock = locks.acquire(task.id(), cancel);
        } catch (InterruptedException e) {
            if (cancel.isCancelled()) {
                return cancelled(hash);
            }
            throw e;
        }
        try (lock) {
            if (mayUseCache(task)) {
                Optional<ActionRecord> hit = localHit(hash);
                if (hit.isPresent()) {
                    Optional<TaskResult> cached = fromCache(task, hit.get(), start, null);
                    if (cached.isPresent()) {
                        statistics.hit();
                        return cached.get();
                    }
                }
                Optional<TaskResult> fromRemote = fromRemote(task, hash, start);
                if (fromRemote.isPresent()) {
                    statistics.hit();
                    return fromRemote.get();
                }
            }
            if (cancel.isCancelled()) {
                return cancelled(hash);
            }
            statistics.miss();
            return run(task, fingerprint, cancel, start);
        }
    }

    private boolean mayUseCache(TaskDef task) {
        return !params.noCache() && task.rebuild() == Rebuild.ON_CHANGE && task.caching().local();
    }

    /** The local cache's record for the hash, when it has every blob the record names. */
    private Optional<ActionRecord> localHit(String hash) {
        return cache.actionCache().lookup(hash).filter(hit -> cache.actionCache().missingContent(hit).isEmpty());
    }

    /** A hit in the remote cache, fetched into the local one, then used as a local hit is. */
    private Optional<TaskResult> fromRemote(TaskDef task, String hash, long start) throws IOException {
        if (remote == null || !task.caching().remote()) {
            return Optional.empty();
        }
        Optional<RemoteHit> fetched = remote.fetch(task, hash, cache, warning -> client.runOutput(
                new RunOutput(runId, task.id(), 0, warning + "\n", false)));
        if (fetched.isEmpty()) {
            return Optional.empty();
        }
        return fromCache(task, fetched.get().record(), start, fetched.get().bytes());
    }

    /** A line of same's own about a task that may have finished: shown while the run goes on; false after. */
    private boolean lateLine(String taskId, String text) {
        synchronized (finishedLock) {
            if (!runFinished) {
                client.runOutput(new RunOutput(runId, taskId, 0, text + "\n", false));
            }
            return !runFinished;
        }
    }

    private static TaskResult cancelled(String hash) {
        return new TaskResult(TaskStatus.CANCELLED, hash, "run cancelled", 0, false);
    }

    private TaskResult run(TaskDef task, TaskFingerprint fingerprint, Cancellation cancel, long start)
            throws IOException, InterruptedException {
        Path root = workspace.root();
        String hash = fingerprint.hash();
        client.runEvent(RunEvent.taskStarted(runId, task.id(), hash));
        SortedMap<String, String> environment = TaskEnvironment.build(params.environment(),
                fingerprint.tools().variables(), task.environment());
        Path log = temporaryLog();
        TaskOutput output = new TaskOutput(task.id());
        try (WorkspaceWrites.Write ignored = writes.begin()) {
            DeclaredTargets.remove(root, task.targets(), graph.targetsOfOthersInside(task.id()));
            TaskProcess.Outcome outcome = task.cmd().isEmpty() ? TaskProcess.Outcome.NOTHING_TO_RUN
                    : TaskProcess.run(task.cmd(), root.resolve(task.workingDir()), environment, log, output, cancel,
                    running);
            long micros = Scheduler.microsSince(start);
            if (outcome.cancelled()) {
                return new TaskResult(TaskStatus.CANCELLED, hash, "cancelled", micros, false);
            }
            if (!outcome.succeeded()) {
                return TaskResult.failed(outcome.reason(), hash, micros);
            }
            List<String> missing = DeclaredTargets.missing(root, task.targets());
            List<String> changedMeanwhile = missing.isEmpty() ? inputsChangedDuring(task, fingerprint) : List.of();
            if (!missing.isEmpty()) {
                output.line("target not produced: " + String.join(", ", missing) + ": its result is not cached");
            } else if (changedMeanwhile.isEmpty() && task.caching().local()) {
                try {
                    ActionRecord recorded = record(task, fingerprint, log, micros / 1000);
                    if (remote != null && task.caching().remote() && task.rebuild() == Rebuild.ON_CHANGE) {
                        remote.upload(recorded, cache, warning -> lateLine(task.id(), warning));
                    }
                } catch (IOException e) {
                    output.line(notCached(task.id(), e)); // a full disk, say: the task succeeded all the same
                }
            } else if (!changedMeanwhile.isEmpty()) {
                output.line("inputs changed while the task ran (" + InputDrift.describe(changedMeanwhile)
                        + "): its result is not cached");
            }
            return new TaskResult(TaskStatus.OK, hash, null, micros, false);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * The input files that are not what the task's hash was computed from, now that it has ended (edited, added or
     * removed while it ran), leaving out what lies in its own targets (a task may rewrite its own inputs, as a
     * formatter does). Recording its result under the hash from before would be a cache hit for content it never saw.
     */
    private List<String> inputsChangedDuring(TaskDef task, TaskFingerprint before) {
        try {
            TaskFingerprint after = fingerprinter.compute(workspace, task, before.dependencyHashes());
            return InputDrift.between(before.inputs(), after.inputs(), task.targets());
        } catch (SameException | java.io.UncheckedIOException e) {
            return List.of(e.getMessage() == null ? "an input could not be read" : e.getMessage());
        }
    }

    /** The task's output as it is pushed, offsets in bytes of its log. */
    private final class TaskOutput implements OutputSink {
        private final String taskId;
        private long offset;

        TaskOutput(String taskId) {
            this.taskId = taskId;
        }

        @Override
        public void output(long offset, String text) {
            this.offset = offset + text.getBytes(StandardCharsets.UTF_8).length;
            client.runOutput(new RunOutput(runId, taskId, offset, text, false));
        }

        /** A line of same's own about the task, after its output. */
        void line(String text) {
            client.runOutput(new RunOutput(runId, taskId, offset, text + "\n", false));
        }
    }

    /**
     * A cache hit, restoring outputs if needed; empty when the cached content turns out to be unusable.
     *
     * @param remoteBytes for a hit fetched from the remote cache, the bytes downloaded; else null
     */
    private Optional<TaskResult> fromCache(TaskDef task, ActionRecord record, long start, Long remoteBytes)
            throws IOException {
        Path root = workspace.root();
        boolean restored = false;
        if (!outputs.intact(root, record, digests)) {
            InputStream log = InputStream.nullInputStream();
            try (WorkspaceWrites.Write ignored = writes.begin()) {
                if (record.logDigest() != null) {
                    log = cache.contentStore().openVerified(record.logDigest());
                }
                outputs.restore(root, record, cache.contentStore(), digests);
            } catch (OutputSnapshot.RestoreRefused refused) {
                log.close();
                throw refused;
            } catch (IOException | SameException damaged) {
                log.close();
                return Optional.empty(); // a damaged or removed blob: run the task instead
            }
            try (InputStream replayed = log) {
                replayLog(task.id(), replayed);
            }
            restored = true;
        }
        return Optional.of(new TaskResult(TaskStatus.CACHED, record.hash(), null, Scheduler.microsSince(start),
                restored, remoteBytes));
    }

    /** In chunks of whole lines, as it was printed: one message of a 100 MB log is more than a client accepts. */
    private void replayLog(String taskId, InputStream log) throws IOException {
        TaskProcess.replay(log, (offset, text) -> client.runOutput(new RunOutput(runId, taskId, offset, text, true)));
    }

    private ActionRecord record(TaskDef task, TaskFingerprint fingerprint, Path log, long millis) throws IOException {
        Path root = workspace.root();
        List<OutputEntry> captured = outputs.capture(root, task.targets(), graph.targetsOfOthersInside(task.id()),
                cache.contentStore());
        String logDigest = Files.size(log) > 0 ? cache.contentStore().put(log) : null;
        ActionRecord record = new ActionRecord(ActionRecord.FORMAT, task.id(), fingerprint.hash(), captured,
                logDigest, millis, Instant.now(), fingerprint.inputs(), fingerprint.dependencyHashes(),
                fingerprint.environment());
        cache.actionCache().store(record);
        return record;
    }

    private String notCached(String taskId, IOException e) {
        Path where = e instanceof FileSystemException f && f.getFile() != null ? Path.of(f.getFile())
                : cache.cacheDir();
        String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : describe(e);
        return "warning: the result of " + taskId + " was not cached: writing to " + where + " failed: " + why;
    }

    private Path temporaryLog() throws IOException {
        Path dir = cache.root().resolve(".same").resolve("tmp");
        PrivateFiles.createDirectories(dir);
        return Files.createTempFile(dir, LeftBehindFiles.logPrefix(), ".txt"); // 0600; named by its owner
    }

    private void finished(String id, TaskResult result) {
        client.runEvent(RunEvent.taskFinished(runId, id, result.status(), Duration.of(result.durationMicros(),
                ChronoUnit.MICROS), result.reason(), result.restored(), result.hash(), result.remoteBytes()));
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
