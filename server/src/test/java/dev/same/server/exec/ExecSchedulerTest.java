package dev.same.server.exec;

import static dev.same.server.exec.FakeTasks.graph;
import static dev.same.server.exec.FakeTasks.ok;
import static dev.same.server.exec.FakeTasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.protocol.TaskStatus;
import dev.same.server.graph.TaskGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class ExecSchedulerTest {
    private final Map<String, TaskResult> notStarted = new ConcurrentHashMap<>();
    private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

    private Map<String, TaskResult> run(TaskGraph graph, int parallel, TaskAction action, Cancellation cancellation)
            throws InterruptedException {
        TaskAction recording = (id, hashes, cancel) -> {
            executed.add(id);
            return action.execute(id, hashes, cancel);
        };
        return new Scheduler(graph, parallel).run(graph.order(), recording, cancellation, notStarted::put);
    }

    private Map<String, TaskResult> run(TaskGraph graph, int parallel, TaskAction action) throws InterruptedException {
        return run(graph, parallel, action, new Cancellation());
    }

    private static Map<String, TaskStatus> statuses(Map<String, TaskResult> results) {
        Map<String, TaskStatus> statuses = new TreeMap<>();
        results.forEach((id, result) -> statuses.put(id, result.status()));
        return statuses;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void neverRunsMoreThanParallelTasksAtOnce(int parallel) throws InterruptedException {
        TaskGraph graph = graph(IntStream.range(0, parallel * 4).mapToObj(i -> task("t" + i)).toArray(
                dev.same.server.config.TaskDef[]::new));
        AtomicInteger current = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // each batch of `parallel` tasks meets at the barrier: proves `parallel` run at once; the counter
        // proves no more do
        CyclicBarrier together = new CyclicBarrier(parallel);

        Map<String, TaskResult> results = run(graph, parallel, (id, hashes, cancel) -> {
            most.accumulateAndGet(current.incrementAndGet(), Math::max);
            together.await(10, TimeUnit.SECONDS);
            current.decrementAndGet();
            return ok("h-" + id);
        });

        assertEquals(parallel, most.get());
        assertEquals(parallel * 4, results.size());
        assertTrue(results.values().stream().allMatch(r -> r.status() == TaskStatus.OK));
    }

    @Test
    void dependenciesFinishBeforeTheirDependentsStart() throws InterruptedException {
        TaskGraph graph = graph(task("app", "lib", "gen"), task("lib", "gen"), task("gen"), task("test", "app"),
                task("docs"), task("site", "docs"), task("lint"));
        List<String> events = Collections.synchronizedList(new ArrayList<>());

        Map<String, TaskResult> results = run(graph, 4, (id, hashes, cancel) -> {
            events.add("start " + id);
            events.add("end " + id);
            return ok("h-" + id);
        });

        for (String id : graph.order()) {
            int start = events.indexOf("start " + id);
            for (String dep : graph.task(id).dependsOn()) {
                assertTrue(events.indexOf("end " + dep) < start, dep + " must end before " + id + " starts: " + events);
            }
        }
        assertEquals(graph.order(), List.copyOf(results.keySet()), "results come in the order given");
        assertEquals(7, executed.size());
    }

    @Test
    void aFailureSkipsItsDependentsTransitivelyWhileUnrelatedTasksFinish() throws InterruptedException {
        TaskGraph graph = graph(task("a"), task("b", "a"), task("c", "b"), task("d"), task("e", "d"),
                task("f", "a", "d"));
        CountDownLatch aFailed = new CountDownLatch(1);

        Map<String, TaskResult> results = run(graph, 2, (id, hashes, cancel) -> switch (id) {
            case "a" -> {
                aFailed.countDown();
                yield TaskResult.failed("exit status 3", "h-a", 0);
            }
            case "d" -> {
                // still running when a fails: the unrelated branch goes on
                assertTrue(aFailed.await(10, TimeUnit.SECONDS));
                yield ok("h-d");
            }
            default -> ok("h-" + id);
        });

        assertEquals(Map.of("a", TaskStatus.FAILED, "b", TaskStatus.SKIPPED, "c", TaskStatus.SKIPPED,
                "d", TaskStatus.OK, "e", TaskStatus.OK, "f", TaskStatus.SKIPPED), statuses(results));
        assertEquals("exit status 3", results.get("a").reason());
        assertEquals("dependency 'a' did not succeed", results.get("b").reason());
        assertEquals("dependency 'a' did not succeed", results.get("c").reason());
        assertEquals(java.util.Set.of("b", "c", "f"), notStarted.keySet());
        assertEquals(java.util.Set.of("a", "d", "e"), java.util.Set.copyOf(executed));
    }

    @Test
    void anExceptionFailsTheTaskWithItsMessage() throws InterruptedException {
        TaskGraph graph = graph(task("a"), task("b", "a"), task("c"));

        Map<String, TaskResult> results = run(graph, 1, (id, hashes, cancel) -> {
            if (id.equals("a")) {
                throw new IllegalStateException("disk on fire");
            }
            return ok("h-" + id);
        });

        assertEquals(TaskStatus.FAILED, results.get("a").status());
        assertEquals("disk on fire", results.get("a").reason());
        assertEquals(TaskStatus.SKIPPED, results.get("b").status());
        assertEquals(TaskStatus.OK, results.get("c").status());
    }

    @Test
    void afterACancellationNothingNewStarts() throws InterruptedException {
        TaskGraph graph = graph(task("a"), task("b", "a"), task("c"), task("d"));
        Cancellation cancellation = new Cancellation();

        Map<String, TaskResult> results = run(graph, 1, (id, hashes, cancel) -> {
            cancel.cancel(); // Ctrl-C while the first task runs; it still ends normally
            return ok("h-" + id);
        }, cancellation);

        assertEquals(List.of("a"), executed);
        assertEquals(Map.of("a", TaskStatus.OK, "b", TaskStatus.CANCELLED, "c", TaskStatus.CANCELLED,
                "d", TaskStatus.CANCELLED), statuses(results));
        assertEquals(java.util.Set.of("b", "c", "d"), notStarted.keySet());
        assertEquals("run cancelled", results.get("c").reason());
    }

    @Test
    void aCancellationLetsRunningTasksEndAndCancelsTheirDependents() throws InterruptedException {
        TaskGraph graph = graph(task("a"), task("b"), task("c", "a"), task("d"));
        Cancellation cancellation = new Cancellation();
        CountDownLatch bothRunning = new CountDownLatch(2);

        Map<String, TaskResult> results = run(graph, 2, (id, hashes, cancel) -> {
            bothRunning.countDown();
            assertTrue(bothRunning.await(10, TimeUnit.SECONDS));
            if (id.equals("a")) {
                CountDownLatch cancelled = new CountDownLatch(1);
                try (AutoCloseable ignored = cancel.onCancel(cancelled::countDown)) {
                    assertTrue(cancelled.await(10, TimeUnit.SECONDS));
                }
                return new TaskResult(TaskStatus.CANCELLED, "h-a", "cancelled", 0, false);
            }
            cancel.cancel();
            return ok("h-" + id);
        }, cancellation);

        assertEquals(List.of("a", "b"), executed.stream().sorted().toList());
        assertEquals(Map.of("a", TaskStatus.CANCELLED, "b", TaskStatus.OK, "c", TaskStatus.CANCELLED,
                "d", TaskStatus.CANCELLED), statuses(results));
    }

    @Test
    void eachTaskIsGivenTheHashesOfItsDirectDependencies() throws InterruptedException {
        TaskGraph graph = graph(task("a"), task("b"), task("c", "a", "b"), task("d", "c"));
        Map<String, SortedMap<String, String>> given = new ConcurrentHashMap<>();

        run(graph, 2, (id, hashes, cancel) -> {
            given.put(id, hashes);
            return ok("hash-of-" + id);
        });

        assertEquals(Map.of(), given.get("a"));
        assertEquals(Map.of("a", "hash-of-a", "b", "hash-of-b"), given.get("c"));
        assertEquals(Map.of("c", "hash-of-c"), given.get("d"));
    }

    @Test
    void onlyTheGivenTasksRun() throws InterruptedException {
        TaskGraph graph = graph(task("a"), task("b", "a"), task("c"));

        Map<String, TaskResult> results = new Scheduler(graph, 2).run(List.of("a", "b"),
                (id, hashes, cancel) -> ok("h-" + id), new Cancellation(), SchedulerListener.NONE);

        assertEquals(List.of("a", "b"), List.copyOf(results.keySet()));
    }

    @Test
    void parallelMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Scheduler(graph(task("a")), 0));
    }
}
