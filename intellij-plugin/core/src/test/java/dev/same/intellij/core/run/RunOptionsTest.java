package dev.same.intellij.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.protocol.RunParams;
import dev.same.protocol.TaskInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunOptionsTest {
    private static final List<TaskInfo> TASKS = List.of(task("app", "build"), task("lib", "test"));

    static TaskInfo task(String project, String name) {
        return new TaskInfo(project + ":" + name, project, name, List.of("true"), List.of(), List.of(), List.of(),
                List.of(), Map.of(), ".", "on-change", project + "/same.yaml", 4);
    }

    @Test
    void survivesTheTripThroughAPlainMap() {
        RunOptions options = new RunOptions(List.of("app:build", "test"), true, 3, Map.of("A", "1", "B_2", "x y"));
        Map<String, String> stored = options.toMap();
        assertEquals(Map.of("tasks", "app:build test", "noCache", "true", "parallel", "3", "env.A", "1",
                "env.B_2", "x y"), stored);
        assertEquals(options, RunOptions.fromMap(stored));
    }

    @Test
    void anEmptyOrDamagedMapGivesTheDefaults() {
        assertEquals(new RunOptions(List.of(), false, 0, Map.of()), RunOptions.fromMap(Map.of()));
        assertEquals(0, RunOptions.fromMap(Map.of("parallel", "lots")).parallel());
    }

    @Test
    void environmentTextIsOneVariablePerLine() {
        assertEquals(Map.of("A", "1", "B", "x=y "), RunOptions.parseEnvironment("A=1\n  B=x=y \nnot a variable\n=2\n"));
        RunOptions options = new RunOptions(List.of(), false, 0, Map.of("B", "2", "A", "1"));
        assertEquals("A=1\nB=2\n", options.environmentText());
        assertEquals(options.environment(), RunOptions.parseEnvironment(options.environmentText()));
    }

    @Test
    void tasksAreSplitOnSpacesAndCommas() {
        assertEquals(List.of("a:b", "c", "d"), RunOptions.splitTasks(" a:b, c  d,"));
    }

    @Test
    void validTargetsAreIdsBareNamesAndAll() {
        assertEquals(List.of(), new RunOptions(List.of("app:build", "test", "all"), false, 0, Map.of())
                .problems(TASKS));
    }

    @Test
    void namesEveryProblem() {
        List<String> problems = new RunOptions(List.of("app:gone"), false, -1, Map.of("BAD-NAME", "1"))
                .problems(TASKS);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("'app:gone' does not exist"), problems.get(0));
        assertTrue(problems.get(1).contains("-1"));
        assertTrue(problems.get(2).contains("BAD-NAME"));
        assertTrue(RunOptions.of().problems(TASKS).get(0).startsWith("No task to run"));
    }

    @Test
    void theRequestCarriesTheCallersEnvironmentUnderTheConfigurationsVariables() {
        RunParams params = new RunOptions(List.of("app:build"), true, 2, Map.of("PATH", "/mine", "X", "1"))
                .toRunParams("r1", "/ws", Map.of("PATH", "/usr/bin", "HOME", "/home/me"));
        assertEquals(new RunParams("r1", List.of("app:build"), "/ws", Map.of("PATH", "/mine", "HOME", "/home/me",
                "X", "1"), true, 2), params);
    }

    @Test
    void theRequestCarriesTheIdesRemoteCacheSettingsAsTheCliDoesAndNoOtherOfItsVariables() {
        RunParams params = new RunOptions(List.of("app:build"), false, 0, Map.of())
                .toRunParams("r1", "/ws", Map.of("PATH", "/usr/bin", "IDE_SECRET", "x",
                        "SAME_REMOTE_CACHE_URL", "https://cache.example/same", "SAME_REMOTE_CACHE_TOKEN", "t0ken"));
        assertEquals(Map.of("PATH", "/usr/bin", "SAME_REMOTE_CACHE_URL", "https://cache.example/same",
                "SAME_REMOTE_CACHE_TOKEN", "t0ken"), params.environment());
    }
}
