package dev.same.server.state;

import dev.same.server.SameException;
import dev.same.server.config.TaskDef;
import dev.same.server.config.Workspace;
import dev.same.server.env.EnvironmentResolver;
import dev.same.server.env.ToolEnvironment;
import dev.same.server.graph.TaskGraph;
import dev.same.server.hash.FileDigests;
import dev.same.server.hash.InputDigester;
import dev.same.server.hash.InputFile;
import dev.same.server.hash.TaskHasher;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Computes the current hash of every task without running anything: inputs are digested (unchanged files
 * come from the digest memory), dependencies first so their hashes feed their dependents'.
 */
public final class Fingerprinter {
    private final FileDigests digests;
    private final EnvironmentResolver environments;
    private final InputDigester inputDigester = new InputDigester();
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

    /** The fingerprint of one task whose dependencies' hashes are known; a missing input throws. */
    public TaskFingerprint compute(Workspace workspace, TaskDef task, SortedMap<String, String> dependencyHashes) {
        List<InputFile> inputs = inputDigester.digestInputs(workspace.root(), task.inputs(), digests);
        ToolEnvironment tools = environments.resolve(workspace.projects().get(task.project()), task);
        String hash = hasher.hash(task, inputs, tools.hash(), dependencyHashes);
        return new TaskFingerprint(task.id(), hash, inputs, dependencyHashes, environmentOf(task, tools), tools, null);
    }

    /** What {@link TaskFingerprint#environment()} and action records keep of a task's environment. */
    public static SortedMap<String, String> environmentOf(TaskDef task, ToolEnvironment tools) {
        SortedMap<String, String> environment = new TreeMap<>(task.environment());
        environment.put(TaskFingerprint.TOOLS_KEY, tools.hash());
        return environment;
    }
}
