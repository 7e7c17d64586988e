package dev.same.server.exec;

import dev.same.protocol.TaskStatus;
import dev.same.server.config.Rebuild;
import dev.same.server.config.SourceLocation;
import dev.same.server.config.TaskDef;
import dev.same.server.graph.TaskGraph;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Task graphs for scheduler tests, where only ids and dependencies matter. */
final class FakeTasks {
    private FakeTasks() {
    }

    static TaskDef task(String id, String... dependsOn) {
        return new TaskDef(id, "", id, List.of("true"), List.of(), List.of(), List.of(dependsOn), List.of(),
                new TreeMap<>(), "", Rebuild.ON_CHANGE, new SourceLocation(Path.of("same.yaml"), 1));
    }

    static TaskGraph graph(TaskDef... tasks) {
        SortedMap<String, TaskDef> byId = new TreeMap<>();
        Arrays.stream(tasks).forEach(t -> byId.put(t.id(), t));
        return TaskGraph.of(byId);
    }

    static TaskResult ok(String hash) {
        return new TaskResult(TaskStatus.OK, hash, null, 0, false);
    }
}
