package dev.same.server.graph;

import static dev.same.server.graph.TestTasks.graph;
import static dev.same.server.graph.TestTasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.server.SameException;
import dev.same.server.config.TaskDef;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphTargetOverlapsTest {
    private static TaskDef writing(TaskDef task, String... targets) {
        return new TaskDef(task.id(), task.project(), task.name(), task.cmd(), task.inputs(), List.of(targets),
                task.dependsOn(), task.tools(), task.environment(), task.workingDir(), task.rebuild(), task.location());
    }

    @Test
    void twoTasksMayNotDeclareTheSameTargetEvenWhenOneDependsOnTheOther() {
        SameException error = assertThrows(SameException.class,
                () -> graph(writing(task("a"), "out"), writing(task("b", "a"), "out")));

        assertEquals("overlapping targets: tasks 'a' and 'b' both write 'out'", error.getMessage());
        assertEquals(List.of("a at same.yaml:1", "b at same.yaml:1"), error.context().subList(0, 2));
    }

    @Test
    void aTargetInsideTheTargetOfAnIndependentTaskIsAnError() {
        SameException error = assertThrows(SameException.class,
                () -> graph(writing(task("a"), "out"), writing(task("b"), "out/b")));

        assertEquals("overlapping targets: tasks 'a' and 'b' both write 'out/b'", error.getMessage());
        assertTrue(error.context().getLast().contains("depends on the other"), error.context().toString());
    }

    @Test
    void aTargetInsideADependencysTargetIsAllowedAndNotTheOuterTasksOutput() {
        TaskGraph graph = graph(writing(task("a"), "out"), writing(task("mid", "a")),
                writing(task("b", "mid"), "out/b"), writing(task("c", "b"), "out-other"));

        assertEquals(List.of("out/b"), graph.targetsOfOthersInside("a"));
        assertEquals(List.of(), graph.targetsOfOthersInside("b"));
        assertEquals(List.of(), graph.targetsOfOthersInside("c"), "out-other is beside out, not inside it");
    }

    @Test
    void aTasksOwnNestedTargetsAreItsOwn() {
        TaskGraph graph = graph(writing(task("a"), "dist", "dist/app.js"));

        assertEquals(List.of(), graph.targetsOfOthersInside("a"));
    }
}
