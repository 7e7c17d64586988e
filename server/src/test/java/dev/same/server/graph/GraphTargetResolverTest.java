package dev.same.server.graph;

import static dev.same.server.graph.TestTasks.graph;
import static dev.same.server.graph.TestTasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.same.server.SameException;
import dev.same.server.config.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphTargetResolverTest {
    @TempDir
    Path temp;
    Path root;
    TargetResolver resolver;

    @BeforeEach
    void setUp() throws IOException {
        root = temp.toRealPath();
        for (String dir : List.of("packages/app/src/deep", "packages/lib", "packages/application", "tools")) {
            Files.createDirectories(root.resolve(dir));
        }
        TaskGraph graph = graph(task("app:build", "lib:build"), task("app:test", "app:build"), task("lib:build"),
                task("lib:test", "lib:build"), task("application:build"), task("application:deploy"));
        resolver = new TargetResolver(graph, root, List.of(project("app", "packages/app"),
                project("lib", "packages/lib"), project("application", "packages/application")));
    }

    private Project project(String name, String dir) {
        return new Project(name, dir, root.resolve(dir).resolve("same.yaml"), new TreeMap<>());
    }

    private List<String> resolve(String target, String cwd) {
        return resolver.resolve(List.of(target), root.resolve(cwd));
    }

    @Test
    void allIsEveryTaskInGraphOrder() {
        assertEquals(List.of("application:build", "application:deploy", "lib:build", "app:build", "app:test",
                "lib:test"), resolve("all", "packages/app"));
    }

    @Test
    void aFullIdNamesOneTaskWherever() {
        assertEquals(List.of("lib:test"), resolve("lib:test", "packages/app/src"));
        assertEquals(List.of("lib:test"), resolve("lib:test", ""));
    }

    @Test
    void aBareNameInsideAProjectIsThatProjectsTask() {
        assertEquals(List.of("app:build"), resolve("build", "packages/app"));
        assertEquals(List.of("app:build"), resolve("build", "packages/app/src/deep"));
        // a directory whose name merely starts with another project's name belongs to its own project
        assertEquals(List.of("application:build"), resolve("build", "packages/application"));
    }

    @Test
    void aBareNameOutsideEveryProjectIsThatTaskEverywhere() {
        assertEquals(List.of("app:build", "application:build", "lib:build"), resolve("build", ""));
        assertEquals(List.of("app:test", "lib:test"), resolve("test", "tools"));
        assertEquals(List.of("application:deploy"), resolve("deploy", "packages"));
    }

    @Test
    void aBareNameInsideAProjectWithoutThatTaskIsUnknown() {
        SameException error = assertThrows(SameException.class, () -> resolve("deploy", "packages/app"));

        assertEquals("task not found: deploy", error.getMessage());
        assertEquals("did you mean application:deploy?", error.context().getFirst());
    }

    @Test
    void severalTargetsAreJoinedWithoutDuplicates() {
        assertEquals(List.of("lib:build", "app:build"),
                resolver.resolve(List.of("lib:build", "app:build", "lib:build"), root));
    }

    @Test
    void anUnknownTaskSuggestsTheClosestIds() {
        SameException error = assertThrows(SameException.class, () -> resolve("lib:biuld", ""));

        assertEquals("task not found: lib:biuld", error.getMessage());
        assertEquals(List.of("did you mean lib:build?", "run 'same graph' to list every task"), error.context());
    }

    @Test
    void aMistypedBareNameSuggestsTheTasksOfThatName() {
        SameException inside = assertThrows(SameException.class, () -> resolve("biuld", "packages/app"));
        SameException outside = assertThrows(SameException.class, () -> resolve("tset", ""));

        assertEquals("task not found: biuld", inside.getMessage());
        assertEquals("did you mean app:build?", inside.context().getFirst());
        assertEquals("task not found: tset", outside.getMessage());
        assertEquals("did you mean app:test, lib:test?", outside.context().getFirst());
    }

    @Test
    void anUnknownTaskWithNothingCloseOnlyPointsAtTheGraph() {
        SameException error = assertThrows(SameException.class, () -> resolve("x", ""));

        assertEquals("task not found: x", error.getMessage());
        assertEquals(List.of("run 'same graph' to list every task"), error.context());
    }
}
