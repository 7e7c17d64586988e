package dev.same.bench;

import dev.same.intellij.core.model.ProjectNode;
import dev.same.intellij.core.model.TaskModel;
import dev.same.intellij.core.samefile.GutterMark;
import dev.same.intellij.core.samefile.GutterMarks;
import dev.same.protocol.GraphResult;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.ProjectInfo;
import dev.same.protocol.StatusResult;
import dev.same.protocol.TaskInfo;
import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatusInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The IntelliJ plugin's models at 1,000 tasks (100 projects of 10), what runs between a daemon push and the
 * repaint:
 * <ul>
 *   <li>{@code pushToTree}: apply a push that changes 50 tasks, then build the tool window's tree (projects by
 *       name, tasks by name, with states and reasons);</li>
 *   <li>{@code gutterMarks}: the marks of one same.yaml of 10 tasks (its text scanned, the tasks looked up);</li>
 *   <li>{@code gutterMarksLargeFile}: the marks of a single same.yaml holding all 1,000 tasks.</li>
 * </ul>
 * Targets: the tree ≤ 50 ms, push to icons ≤ 100 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IntellijModelBenchmark {
    @Param({"1000"})
    int tasks;

    private final TaskModel model = new TaskModel();
    private HashesChanged push;
    private String projectFile;
    private String largeFile;
    private long epoch = 1;

    @Setup
    public void setUp() {
        int projects = tasks / 10;
        List<ProjectInfo> projectInfos = new ArrayList<>();
        List<TaskInfo> taskInfos = new ArrayList<>();
        List<TaskStatusInfo> statuses = new ArrayList<>();
        StringBuilder large = new StringBuilder("version: \"1\"\nproject: p0\ntasks:\n");
        for (int p = 0; p < projects; p++) {
            projectInfos.add(new ProjectInfo("p" + p, "packages/p" + p, "packages/p" + p + "/same.yaml"));
            for (int t = 0; t < 10; t++) {
                String id = "p" + p + ":t" + t;
                taskInfos.add(new TaskInfo(id, "p" + p, "t" + t, List.of("true"), List.of("src"), List.of(),
                        List.of(), List.of(), Map.of(), ".", "on-change", "packages/p" + p + "/same.yaml", 4 + 3 * t));
                statuses.add(new TaskStatusInfo(id, TaskState.CLEAN, "h" + id, List.of()));
            }
        }
        for (int t = 0; t < tasks; t++) {
            large.append("  t").append(t).append(":\n    cmd: [\"true\"]\n    input: [\"src\"]\n");
        }
        model.setGraph(new GraphResult("/ws", false, projectInfos, taskInfos, taskInfos.stream().map(TaskInfo::id)
                .toList(), List.of()));
        model.applyStatus(new StatusResult(0, statuses, null));
        List<TaskStatusInfo> changed = statuses.subList(0, 50).stream().map(s -> new TaskStatusInfo(s.id(),
                TaskState.DIRTY, "x", List.of("input changed: packages/p0/src/a.txt"))).toList();
        push = new HashesChanged(0, changed, List.of("packages/p0/src/a.txt"));
        StringBuilder one = new StringBuilder("version: \"1\"\nproject: p7\ntasks:\n");
        for (int t = 0; t < 10; t++) {
            one.append("  t").append(t).append(":\n    cmd: [\"true\"]\n");
        }
        projectFile = one.toString();
        largeFile = large.toString();
    }

    @Benchmark
    public List<ProjectNode> pushToTree() {
        model.applyHashesChanged(new HashesChanged(epoch++, push.tasks(), push.changedFiles()));
        return model.snapshot().projects();
    }

    @Benchmark
    public List<GutterMark> gutterMarks() {
        return GutterMarks.of("packages/p7/same.yaml", projectFile, model.snapshot());
    }

    @Benchmark
    public List<GutterMark> gutterMarksLargeFile() {
        return GutterMarks.of("packages/p0/same.yaml", largeFile, model.snapshot());
    }
}
