package dev.same.cli.e2e;

import static dev.same.cli.e2e.TestWorkspace.assertContainsLine;
import static dev.same.cli.e2e.TestWorkspace.assertSuccess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code same graph}, {@code same clean} and {@code same run --json}. */
class CommandsIT {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;
    TestWorkspace ws;

    @BeforeEach
    void setUp() {
        ws = new TestWorkspace(temp);
        ws.write("same.work.yaml", """
                version: "1"
                projects: ["packages/*"]
                """).write("packages/lib/same.yaml", """
                version: "1"
                project: lib
                tasks:
                  build:
                    cmd: ["sh", "-c", "mkdir -p dist && echo lib > dist/lib.txt && echo lib built"]
                    target: ["dist"]
                """).write("packages/app/same.yaml", """
                version: "1"
                project: app
                tasks:
                  build:
                    cmd: ["echo", "app built"]
                    dependsOn: ["lib:build"]
                """).write("packages/docs/same.yaml", """
                version: "1"
                project: docs
                tasks:
                  site:
                    cmd: ["echo", "site"]
                """);
    }

    @Test
    void graphAsText() {
        SameProcess.Result result = assertSuccess(ws.same("graph"));

        assertEquals(List.of(
                "docs:site",
                "    echo site",
                "lib:build",
                "    sh -c mkdir -p dist && echo lib > dist/lib.txt && echo lib built",
                "app:build ← lib:build",
                "    echo app built"), result.outLines());
    }

    @Test
    void graphAsJson() throws Exception {
        SameProcess.Result result = assertSuccess(ws.sameIn("packages/app", "graph", "--format", "json"));

        JsonNode graph = JSON.readTree(result.stdout());
        assertEquals(ws.root().toString(), graph.get("root").asText());
        assertEquals(List.of("docs:site", "lib:build", "app:build"), texts(graph.get("order")));
        JsonNode app = null;
        for (JsonNode task : graph.get("tasks")) {
            if (task.get("id").asText().equals("app:build")) {
                app = task;
            }
        }
        assertTrue(app != null, result::toString);
        assertEquals(List.of("lib:build"), texts(app.get("dependsOn")));
        assertEquals(List.of("echo", "app built"), texts(app.get("cmd")));
        assertEquals("app", app.get("project").asText());
        assertEquals(3, graph.get("projects").size());
    }

    @Test
    void graphAsDot() {
        SameProcess.Result result = assertSuccess(ws.same("graph", "--format", "dot"));

        List<String> lines = result.outLines();
        assertEquals("digraph same {", lines.getFirst());
        assertEquals("}", lines.getLast());
        assertContainsLine(lines, "  \"app:build\" -> \"lib:build\";", result);
        assertContainsLine(lines, "  \"docs:site\";", result);
    }

    @Test
    void cleanRemovesTheCacheSoTheNextRunIsNotCached() {
        assertSuccess(ws.same("run", "all"));
        assertTrue(ws.exists(".same/cache"));

        SameProcess.Result clean = assertSuccess(ws.same("clean"));
        assertEquals(1, clean.outLines().size(), clean::toString);
        assertTrue(clean.outLines().getFirst().matches("Removed \\.same/cache \\(\\d+(\\.\\d)? (B|KiB|MiB)\\)"),
                clean::toString);
        assertFalse(ws.exists(".same/cache"));

        SameProcess.Result run = assertSuccess(ws.same("run", "all"));
        assertFalse(run.stderr().contains("Cached"), run::toString);
        assertEquals(3, run.errLines().stream().filter(l -> l.contains("] ✓ Completed in ")).count(),
                run::toString);
        assertTrue(ws.exists("packages/lib/dist/lib.txt"), "clean leaves task outputs alone");
    }

    @Test
    void cleaningTwiceSaysThereIsNothingToClean() {
        assertSuccess(ws.same("run", "docs:site"));
        assertSuccess(ws.same("clean"));

        SameProcess.Result second = assertSuccess(ws.same("clean"));

        assertEquals(List.of("Nothing to clean."), second.outLines());
        assertEquals("", second.stderr());
    }

    @Test
    void jsonEmitsOneParseableEventPerLine() throws Exception {
        List<JsonNode> first = jsonLines(assertSuccess(ws.same("run", "--json", "app:build")));

        assertEquals("PLANNED", first.getFirst().get("kind").asText());
        assertEquals(List.of("lib:build", "app:build"), texts(first.getFirst().get("tasks")));
        assertEquals("RUN_FINISHED", first.getLast().get("kind").asText());
        assertTrue(first.getLast().get("success").asBoolean());
        String runId = first.getFirst().get("runId").asText();
        assertTrue(first.stream().allMatch(e -> e.get("runId").asText().equals(runId)));
        assertEquals(List.of("lib:build OK", "app:build OK"), finished(first));
        JsonNode output = first.stream().filter(e -> e.get("kind").asText().equals("OUTPUT")
                && e.get("task").asText().equals("app:build")).findFirst().orElseThrow();
        assertEquals("app built\n", output.get("text").asText());
        assertEquals(0, output.get("offset").asLong());

        List<JsonNode> second = jsonLines(assertSuccess(ws.same("run", "--json", "app:build")));
        assertEquals(List.of("lib:build CACHED", "app:build CACHED"), finished(second));
    }

    private static List<JsonNode> jsonLines(SameProcess.Result result) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : result.outLines()) {
            events.add(JSON.readTree(line));
        }
        assertFalse(events.isEmpty(), result::toString);
        return events;
    }

    private static List<String> finished(List<JsonNode> events) {
        return events.stream().filter(e -> e.get("kind").asText().equals("TASK_FINISHED"))
                .map(e -> e.get("task").asText() + " " + e.get("status").asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
