package dev.same.server.graph;

import dev.same.server.config.Rebuild;
import dev.same.server.config.SourceLocation;
import dev.same.server.config.TaskDef;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Task definitions for graph tests: only ids and dependencies matter. */
final class TestTasks {
    private TestTasks() {
    }

    /** {@code "a"}, {@code "a", "b"}: a task depending on b; ids may be "project:task". */
    static TaskDef task(String id, String... dependsOn) {
        int colon = id.indexOf(':');
        String project = colon < 0 ? "" : id.substring(0, colon);
        String name = id.substring(colon + 1);
        return new TaskDef(id, project, name, List.of("true"), List.of(), List.of(), List.of(dependsOn), List.of(),
                new TreeMap<>(), project, Rebuild.ON_CHANGE, new SourceLocation(Path.of("same.yaml"), 1));
    }

    static SortedMap<String, TaskDef> tasks(TaskDef... tasks) {
        SortedMap<String, TaskDef> byId = new TreeMap<>();
        Arrays.stream(tasks).forEach(t -> byId.put(t.id(), t));
        return byId;
    }

    static TaskGraph graph(TaskDef... tasks) {
        return TaskGraph.of(tasks(tasks));
    }
}
