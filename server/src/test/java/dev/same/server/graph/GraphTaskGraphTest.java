package dev.same.server.graph;

import static dev.same.server.graph.TestTasks.graph;
import static dev.same.server.graph.TestTasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.server.SameException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphTaskGraphTest {

    @Test
    void independentTasksAreAlphabetical() {
        TaskGraph graph = graph(task("c"), task("a"), task("b"));

        assertEquals(List.of("a", "b", "c"), graph.order());
    }

    @Test
    void dependenciesComeFirstThenAlphabetical() {
        // z is needed by a; b and y are free; c needs b and z
        TaskGraph graph = graph(task("a", "z"), task("b"), task("c", "b", "z"), task("y"), task("z"));

        assertEquals(List.of("b", "y", "z", "a", "c"), graph.order());
    }

    @Test
    void theOrderDoesNotDependOnHowTasksWereDeclared() {
        TaskGraph one = graph(task("web:build", "lib:build"), task("lib:build"), task("lib:test", "lib:build"),
                task("docs:site"));
        TaskGraph two = graph(task("docs:site"), task("lib:test", "lib:build"), task("lib:build"),
                task("web:build", "lib:build"));

        assertEquals(List.of("docs:site", "lib:build", "lib:test", "web:build"), one.order());
        assertEquals(one.order(), two.order());
    }

    @Test
    void aDiamondRunsItsBaseOnceAndItsTopLast() {
        TaskGraph graph = graph(task("top", "left", "right"), task("left", "base"), task("right", "base"),
                task("base"));

        assertEquals(List.of("base", "left", "right", "top"), graph.order());
        assertEquals(List.of("left", "right"), List.copyOf(graph.dependents("base")));
        assertTrue(graph.dependents("top").isEmpty());
    }

    @Test
    void aTwoTaskCycleIsNamedAsAPath() {
        SameException error = assertThrows(SameException.class, () -> graph(task("a", "b"), task("b", "a")));

        assertEquals("cycle detected: a -> b -> a", error.getMessage());
        assertEquals(List.of("a at same.yaml:1", "b at same.yaml:1",
                "remove one of these dependencies to break the cycle"), error.context());
    }

    @Test
    void aLongerCycleIsNamedFromItsFirstTask() {
        SameException error = assertThrows(SameException.class,
                () -> graph(task("a", "b"), task("b", "c"), task("c", "d"), task("d", "b"), task("e")));

        assertEquals("cycle detected: b -> c -> d -> b", error.getMessage());
    }

    @Test
    void aTaskDependingOnItselfIsACycle() {
        SameException error = assertThrows(SameException.class, () -> graph(task("ok"), task("self", "self")));

        assertEquals("cycle detected: self -> self", error.getMessage());
    }

    @Test
    void aMissingDependencyNamesBothTasks() {
        SameException error = assertThrows(SameException.class, () -> graph(task("web:build", "lib:bulid")));

        assertEquals("missing dependency: task 'web:build' depends on 'lib:bulid', which does not exist",
                error.getMessage());
    }

    @Test
    void closureHoldsTheTargetsAndEverythingTheyNeedInOrder() {
        TaskGraph graph = graph(task("app", "lib"), task("lib", "gen"), task("gen"), task("docs"),
                task("test", "lib"));

        assertEquals(List.of("gen", "lib", "app"), graph.closure(List.of("app")));
        assertEquals(List.of("gen", "lib", "app", "test"), graph.closure(List.of("test", "app")));
        assertEquals(List.of("docs"), graph.closure(List.of("docs")));
        assertEquals(List.of(), graph.closure(List.of()));
    }

    @Test
    void dependentClosureHoldsEverythingDownstreamInOrder() {
        TaskGraph graph = graph(task("app", "lib"), task("lib", "gen"), task("gen"), task("docs"),
                task("test", "lib"));

        assertEquals(List.of("gen", "lib", "app", "test"), graph.dependentClosure(List.of("gen")));
        assertEquals(List.of("app"), graph.dependentClosure(List.of("app")));
        assertEquals(List.of("docs"), graph.dependentClosure(List.of("docs")));
    }

    @Test
    void answersWhatItHolds() {
        TaskGraph graph = graph(task("a"));

        assertTrue(graph.contains("a"));
        assertFalse(graph.contains("b"));
        assertEquals("a", graph.task("a").id());
        assertThrows(IllegalArgumentException.class, () -> graph.task("b"));
        assertThrows(UnsupportedOperationException.class, () -> graph.order().add("x"));
    }

    @Test
    void anEmptyGraphIsFine() {
        assertEquals(List.of(), graph().order());
    }
}
