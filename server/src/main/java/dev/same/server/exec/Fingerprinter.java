package dev.same.server.exec;

import dev.same.server.env.EnvironmentResolver;
import dev.same.server.env.ToolEnvironment;
import dev.same.server.SameException;
import dev.same.server.config.TaskDef;
import dev.same.server.config.Workspace;
import dev.same.server.graph.TaskGraph;
import dev.same.server.hash.FileDigests;
import dev.same.server.hash.InputDigester;
import dev.same.server.hash.InputFile;
import dev.same.server.hash.InputResolver;
import dev.same.server.hash.ResolvedInputs;
import dev.same.server.hash.TaskHasher;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Computes the current hash of every task without running anything: inputs are digested (unchanged files
 * come from the digest memory), dependencies first so their hashes feed their dependents'.
 */
public final class Fingerprinter {
    private final FileDigests digests;
    private final EnvironmentResolver environments;
    private final InputResolver resolver = new InputResolver();
    private final InputDigester inputDigester = new InputDigester(resolver, Runtime.getRuntime().availableProcessors());
    private final TaskHasher hasher = new TaskHasher();

    public Fingerprinter(FileDigests digests, EnvironmentResolver environments) {
        this.digests = digests;
        this.environments = environments;
    }

    /** Fingerprints of the given tasks (a dependency-closed list in graph order), in that order. */
    public Map<String, TaskFingerprint> fingerprint(Workspace workspace, TaskGraph graph, List<String> tasks) {
        Map<String, TaskFingerprint> result = new LinkedHashMap<>();
        for (String id : tasks) {
            result.put(id, fingerprint(workspace, graph.task(id), result));
        }
        return result;
    }

    private TaskFingerprint fingerprint(Workspace workspace, TaskDef task, Map<String, TaskFingerprint> done) {
        SortedMap<String, String> dependencyHashes = new TreeMap<>();
        for (String dep : task.dependsOn()) {
            TaskFingerprint upstream = done.get(dep);
            if (upstream == null || !upstream.known()) {
                return TaskFingerprint.unknown(task.id(), "depends on " + dep + ", whose state is unknown");
            }
            dependencyHashes.put(dep, upstream.hash());
        }
        try {
            return compute(workspace, task, dependencyHashes);
        } catch (SameException | UncheckedIOException e) {
            return TaskFingerprint.unknown(task.id(), e.getMessage());
        }
    }

    /**
     * Fingerprints of every task of the graph, in graph order, after changes that concern only the {@code stale}
     * tasks (the graph is the one {@code previous} was computed with): a task is recomputed when it is stale, when
     * a dependency's hash changed or when its inputs follow symbolic links; the others keep their fingerprint
     * from {@code previous}, the same object.
     */
    public Map<String, TaskFingerprint> update(Workspace workspace, TaskGraph graph,
                                               Map<String, TaskFingerprint> previous, Set<String> stale) {
        Map<String, TaskFingerprint> result = new LinkedHashMap<>();
        for (String id : graph.order()) {
            TaskFingerprint old = previous.get(id);
            TaskDef task = graph.task(id);
            boolean keep = old != null && !stale.contains(id) && !old.followsLinks() && task.dependsOn().stream()
                    .allMatch(dep -> Objects.equals(hashOf(result.get(dep)), hashOf(previous.get(dep))));
            result.put(id, keep ? old : fingerprint(workspace, task, result));
        }
        return result;
    }

    private static String hashOf(TaskFingerprint fingerprint) {
        return fingerprint == null ? null : fingerprint.hash();
    }

    /** The fingerprint of one task whose dependencies' hashes are known; a missing input throws. */
    public TaskFingerprint compute(Workspace workspace, TaskDef task, SortedMap<String, String> dependencyHashes) {
        ResolvedInputs resolved = resolver.resolve(workspace.root(), task.inputs());
        List<InputFile> inputs = inputDigester.digest(workspace.root(), resolved, digests);
        ToolEnvironment tools = environments.resolve(workspace.projects().get(task.project()), task);
        String platform = task.portable() ? null : environments.platform();
        String hash = hasher.hash(task, inputs, tools.hash(), platform, dependencyHashes);
        return new TaskFingerprint(task.id(), hash, inputs, dependencyHashes, environmentOf(task, tools, platform),
                tools, null, resolved.followsLinks());
    }

    /** What {@link TaskFingerprint#environment()} and action records keep of a task's environment. */
    private static SortedMap<String, String> environmentOf(TaskDef task, ToolEnvironment tools, String platform) {
        SortedMap<String, String> environment = new TreeMap<>(task.environment());
        environment.put(TaskFingerprint.TOOLS_KEY, tools.hash());
        if (platform != null) {
            environment.put(TaskFingerprint.PLATFORM_KEY, platform);
        }
        return environment;
    }
}
