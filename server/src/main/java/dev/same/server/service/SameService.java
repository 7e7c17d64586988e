package dev.same.server.service;

import dev.same.protocol.CancelParams;
import dev.same.protocol.CleanParams;
import dev.same.protocol.CleanResult;
import dev.same.protocol.GraphParams;
import dev.same.protocol.GraphResult;
import dev.same.protocol.ProjectInfo;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.SameServerApi;
import dev.same.protocol.TaskInfo;
import dev.same.server.cache.CacheDirectory;
import dev.same.server.config.ConfigLoader;
import dev.same.server.config.TaskDef;
import dev.same.server.config.Workspace;
import dev.same.server.env.HostEnvironmentResolver;
import dev.same.server.exec.RunExecution;
import dev.same.server.graph.TargetResolver;
import dev.same.server.graph.TaskGraph;
import dev.same.server.hash.FileDigests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server side of the protocol for one workspace root: loads the configuration, plans and executes runs,
 * answers graph queries. Both the daemon and the in-process mode of the CLI serve clients through it.
 */
public final class SameService implements SameServerApi, AutoCloseable {
    private final Path root;
    private final SameClientApi client;
    private final CacheDirectory cache;
    private final Path digestFile;
    private final FileDigests digests;
    private final Map<String, RunExecution> runs = new ConcurrentHashMap<>();

    public SameService(Path root, SameClientApi client) {
        this.root = root;
        this.client = client;
        this.cache = CacheDirectory.of(root);
        this.digestFile = cache.cacheDir().resolve("file-digests");
        this.digests = FileDigests.load(digestFile);
    }

    @Override
    public CompletableFuture<GraphResult> graph(GraphParams params) {
        return async(() -> describe(ConfigLoader.load(root)));
    }

    @Override
    public CompletableFuture<RunResult> runStart(RunParams params) {
        return async(() -> {
            Workspace workspace = ConfigLoader.load(root);
            TaskGraph graph = TaskGraph.of(workspace);
            Path cwd = params.cwd() == null ? root : Path.of(params.cwd());
            List<String> targets = new TargetResolver(graph, workspace.root(), workspace.projects().values())
                    .resolve(params.targets(), cwd);
            RunExecution run = new RunExecution(workspace, graph, targets, params, client, cache, digests,
                    new HostEnvironmentResolver());
            runs.put(run.runId(), run);
            try {
                return run.execute();
            } finally {
                runs.remove(run.runId());
                saveDigests();
            }
        });
    }

    @Override
    public CompletableFuture<Boolean> runCancel(CancelParams params) {
        RunExecution run = runs.get(params.runId());
        if (run != null) {
            run.cancel();
        }
        return CompletableFuture.completedFuture(run != null);
    }

    @Override
    public CompletableFuture<CleanResult> clean(CleanParams params) {
        return async(() -> {
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
            return new CleanResult(removed, bytes);
        });
    }

    private GraphResult describe(Workspace workspace) {
        TaskGraph graph = TaskGraph.of(workspace);
        List<ProjectInfo> projects = workspace.projects().values().stream()
                .map(p -> new ProjectInfo(p.name(), p.relativeDir(), relative(p.configFile())))
                .toList();
        List<TaskInfo> tasks = workspace.tasks().values().stream().map(this::describe).toList();
        return new GraphResult(workspace.root().toString(), workspace.standalone(), projects, tasks, graph.order(),
                workspace.warnings());
    }

    private TaskInfo describe(TaskDef task) {
        return new TaskInfo(task.id(), task.project(), task.name(), task.cmd(), task.inputs(), task.targets(),
                task.dependsOn(), task.tools(), task.environment(), task.workingDir(), task.rebuild().yamlName(),
                relative(task.location().file()), task.location().line());
    }

    private String relative(Path file) {
        return file.isAbsolute() ? root.relativize(file).toString() : file.toString();
    }

    private void saveDigests() {
        try {
            digests.save(digestFile);
        } catch (IOException e) {
            // only a speed-up for the next run; losing it is harmless
        }
    }

    private static <T> CompletableFuture<T> async(Callable<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread.ofVirtual().name("same-request").start(() -> {
            try {
                future.complete(work.call());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    @Override
    public void close() {
        runs.values().forEach(RunExecution::cancel);
    }
}
