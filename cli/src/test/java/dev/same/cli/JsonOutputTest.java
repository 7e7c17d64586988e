package dev.same.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.cli.render.Terminal;
import dev.same.protocol.EnvResult;
import dev.same.protocol.ExplainResult;
import dev.same.protocol.GraphResult;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.StatusResult;
import dev.same.protocol.client.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code --json} output of the CLI, run in process ({@code --no-daemon}) on a small workspace, has the shape
 * of the contract's record it prints: each component, nulls left out, nothing more. ({@code same daemon status
 * --json} needs a daemon: {@link AotTrainingTest} checks it against the stand-in.)
 */
class JsonOutputTest {
    @TempDir
    Path temp;

    @Test
    void statusGraphWhyAndEnvPrintTheirRecords() throws Exception {
        Path root = workspace();
        assertShape(GraphResult.class, same(root, "graph", "--format", "json", "--no-daemon"));
        assertShape(StatusResult.class, same(root, "status", "--json", "--no-daemon"));
        assertShape(ExplainResult.class, same(root, "why", "build", "--json", "--no-daemon"));
        assertShape(EnvResult.class, same(root, "env", "build", "--json", "--no-daemon"));
    }

    @Test
    void runPrintsOneEventOrOutputChunkPerLine() throws Exception {
        String out = same(workspace(), "run", "--json", "--no-daemon", "build");
        List<String> kinds = out.lines().map(line -> {
            Map<?, ?> object = parse(line);
            if ("OUTPUT".equals(object.get("kind"))) {
                Map<Object, Object> chunk = new HashMap<>(object);
                chunk.remove("kind");
                chunk.putIfAbsent("replay", false); // written only when true
                JsonShape.check(chunk, RunOutput.class);
            } else {
                JsonShape.check(object, RunEvent.class);
            }
            return String.valueOf(object.get("kind"));
        }).toList();
        assertEquals(List.of("PLANNED", "TASK_STARTED", "OUTPUT", "TASK_FINISHED", "RUN_FINISHED"), kinds, out);
    }

    private Path workspace() throws IOException {
        Path root = Files.createDirectories(temp.resolve("workspace")).toRealPath();
        Files.writeString(root.resolve("same.yaml"),
                "version: \"1\"\ntasks:\n  build:\n    cmd: [\"echo\", \"built\"]\n");
        return root;
    }

    private String same(Path root, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path runtime = Files.createDirectories(temp.resolve("run"));
        Map<String, String> environment = Map.of("HOME", temp.toString(), "XDG_RUNTIME_DIR", runtime.toString(),
                "PATH", System.getenv("PATH"));
        Cli cli = new Cli(environment, root, new Terminal(print(out), print(err), false, false, 100));
        int exit = QuickCommand.parse(args).map(command -> {
            try {
                return command.execute(cli);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).orElseGet(() -> SameCommand.commandLine(cli, args).execute(args));
        cli.terminal().out().flush();
        assertEquals(0, exit, String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static void assertShape(Type type, String json) {
        assertTrue(json.endsWith("\n"), json);
        JsonShape.check(parse(json), type);
    }

    private static Map<?, ?> parse(String json) {
        try {
            return WireFormat.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
