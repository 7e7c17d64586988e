package dev.same.server.exec;

import dev.same.protocol.TaskStatus;
import dev.same.server.graph.TaskGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs a set of tasks dependencies first, up to {@code parallel} at once, each on a virtual thread. A failed
 * task skips its dependents while unrelated tasks go on; after a cancellation nothing new starts.
 */
public final class Scheduler {
    private final TaskGraph graph;
    private final int parallel;

    public Scheduler(TaskGraph graph, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
        this.graph = graph;
        this.parallel = parallel;
    }

    private record Completion(String taskId, TaskResult result) {
    }

    /**
     * @param tasks a dependency-closed set of tasks in graph order
     * @return how each task ended, in the order given
     */
    public Map<String, TaskResult> run(List<String> tasks, TaskAction action, Cancellation cancellation,
                                       SchedulerListener listener) throws InterruptedException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            index.put(tasks.get(i), i);
        }
        Map<String, Integer> waitingOn = new HashMap<>();
        PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> Integer.compare(index.get(a), index.get(b)));
        for (String id : tasks) {
            int deps = (int) graph.task(id).dependsOn().stream().filter(index::containsKey).count();
            waitingOn.put(id, deps);
            if (deps == 0) {
                ready.add(id);
            }
        }
        Map<String, TaskResult> results = new HashMap<>();
        LinkedBlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
        int running = 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            while (results.size() < tasks.size()) {
                while (running < parallel && !ready.isEmpty() && !cancellation.isCancelled()) {
                    String id = ready.poll();
                    SortedMap<String, String> depHashes = dependencyHashes(id, results);
                    threads.execute(() -> completions.add(new Completion(id, execute(action, id, depHashes,
                            cancellation))));
                    running++;
                }
                if (running == 0) {
                    giveUp(tasks, results, cancellation, listener);
                    break;
                }
                Completion done = completions.take();
                running--;
                results.put(done.taskId(), done.result());
                if (done.result().succeeded()) {
                    for (String dependent : graph.dependents(done.taskId())) {
                        if (index.containsKey(dependent) && waitingOn.merge(dependent, -1, Integer::sum) == 0) {
                            ready.add(dependent);
                        }
                    }
                } else {
                    skipDependents(done.taskId(), index.keySet(), results, listener,
                            cancellation.isCancelled() || done.result().status() == TaskStatus.CANCELLED);
                }
            }
        }
        Map<String, TaskResult> ordered = new LinkedHashMap<>();
        tasks.forEach(id -> ordered.put(id, results.get(id)));
        return ordered;
    }

    private SortedMap<String, String> dependencyHashes(String id, Map<String, TaskResult> results) {
        SortedMap<String, String> hashes = new TreeMap<>();
        for (String dep : graph.task(id).dependsOn()) {
            TaskResult result = results.get(dep);
            hashes.put(dep, result == null || result.hash() == null ? "" : result.hash());
        }
        return hashes;
    }

    private static TaskResult execute(TaskAction action, String id, SortedMap<String, String> depHashes,
                                      Cancellation cancellation) {
        long start = System.nanoTime();
        try {
            return action.execute(id, depHashes, cancellation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TaskResult(TaskStatus.CANCELLED, null, "interrupted", microsSince(start), false);
        } catch (Exception | Error e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return TaskResult.failed(message, null, microsSince(start));
        }
    }

    /** The dependents of a task that did not succeed will not run: skipped, or cancelled with the run. */
    private void skipDependents(String failed, Set<String> inRun, Map<String, TaskResult> results,
                                SchedulerListener listener, boolean cancelled) {
        for (String id : graph.dependentClosure(List.of(failed))) {
            if (!id.equals(failed) && inRun.contains(id) && !results.containsKey(id)) {
                TaskResult skipped = cancelled
                        ? new TaskResult(TaskStatus.CANCELLED, null, "run cancelled", 0, false)
                        : new TaskResult(TaskStatus.SKIPPED, null, "dependency '" + failed + "' did not succeed", 0,
                                false);
                results.put(id, skipped);
                listener.notStarted(id, skipped);
            }
        }
    }

    private static void giveUp(List<String> tasks, Map<String, TaskResult> results, Cancellation cancellation,
                               SchedulerListener listener) {
        List<String> left = new ArrayList<>();
        for (String id : tasks) {
            if (!results.containsKey(id)) {
                left.add(id);
            }
        }
        for (String id : left) {
            TaskResult result = cancellation.isCancelled()
                    ? new TaskResult(TaskStatus.CANCELLED, null, "run cancelled", 0, false)
                    : new TaskResult(TaskStatus.SKIPPED, null, "not started", 0, false);
            results.put(id, result);
            listener.notStarted(id, result);
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static long microsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000;
    }
}
