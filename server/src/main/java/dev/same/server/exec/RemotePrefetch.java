package dev.same.server.exec;

import dev.same.server.cache.ContentStore;
import dev.same.server.cache.remote.RemoteRun;
import dev.same.server.config.Glob;
import dev.same.server.config.TaskDef;
import dev.same.server.graph.TaskGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Fetches the remote cache's results of a run's tasks as the run starts, on a thread of its own, so that their
 * round-trips overlap instead of each task making its own when its turn comes.
 *
 * <p>A task's hash is made of its inputs' digests, its tools and its dependencies' hashes, so most are known before
 * anything runs. Not that of a task an input of which may lie in the targets of a task it depends on (those files
 * are what that task writes or restores), nor of any task depending on one such: they are left to be fetched when
 * they come up. What is fetched here is only used by a task whose hash, computed when it comes up, is the one
 * fetched for.
 *
 * @param tasks         a dependency-closed list in graph order
 * @param fetchable     whether the run would look for a task's result in the remote cache
 * @param cachedLocally whether the local cache answers for a hash already
 */
record RemotePrefetch(TaskGraph graph, List<String> tasks, Predicate<TaskDef> fetchable, Fingerprints fingerprints,
                      Predicate<String> cachedLocally, RemoteRun remote, ContentStore store) {
    /** A task's fingerprint, given its dependencies' hashes; may throw as {@link Fingerprinter#compute} does. */
    interface Fingerprints {
        TaskFingerprint of(TaskDef task, SortedMap<String, String> dependencyHashes);
    }

    /** Starts; the thread returned ends by itself, or soon after an interrupt. */
    Thread start() {
        return Thread.ofVirtual().name("same-remote-hashes-ahead").start(this::run);
    }

    private void run() {
        Map<String, String> known = new HashMap<>();
        try {
            for (String id : tasks) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                TaskDef task = graph.task(id);
                Optional<String> hash = hashAhead(task, known);
                if (hash.isEmpty()) {
                    continue;
                }
                known.put(id, hash.get());
                if (fetchable.test(task) && !cachedLocally.test(hash.get())) {
                    remote.prefetch(task, hash.get(), store);
                }
            }
        } catch (InterruptedException e) {
            // the run has ended
        }
    }

    /** The task's hash, when it is known before the run writes anything it reads. */
    private Optional<String> hashAhead(TaskDef task, Map<String, String> known) {
        SortedMap<String, String> dependencyHashes = new TreeMap<>();
        for (String dependency : task.dependsOn()) {
            String hash = known.get(dependency);
            if (hash == null) {
                return Optional.empty();
            }
            dependencyHashes.put(dependency, hash);
        }
        try {
            if (task.problem() != null || readsTargetsOfDependencies(task)) {
                return Optional.empty();
            }
            return Optional.ofNullable(fingerprints.of(task, dependencyHashes).hash());
        } catch (RuntimeException e) { // SameException, UncheckedIOException: the task itself will say it
            return Optional.empty();
        }
    }

    /**
     * Whether one of the task's input patterns may reach into a target of a task it depends on (directly or not):
     * lexically, the literal start of the pattern and the target lie one within the other.
     */
    private boolean readsTargetsOfDependencies(TaskDef task) {
        List<String> inputs = task.inputs().stream().filter(input -> !input.startsWith("!"))
                .map(input -> Glob.compile(input).literalPrefix()).toList();
        for (String upstream : graph.closure(List.of(task.id()))) {
            if (upstream.equals(task.id())) {
                continue;
            }
            for (String target : graph.task(upstream).targets()) {
                if (inputs.stream().anyMatch(prefix -> within(prefix, target) || within(target, prefix))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code path} is {@code directory} or below it ("" is the root). */
    private static boolean within(String path, String directory) {
        return directory.isEmpty() || path.equals(directory) || path.startsWith(directory + "/");
    }
}
