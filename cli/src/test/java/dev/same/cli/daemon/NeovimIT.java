package dev.same.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Neovim, an LSP client we did not write, attached to {@code same lsp} of the distribution: the Lua script in
 * test resources opens a broken same.yaml and reports diagnostics, completion, hover and definition as JSON.
 */
class NeovimIT {
    private DaemonWorkspace ws;

    @BeforeEach
    void workspace() throws Exception {
        ws = new DaemonWorkspace();
        ws.file("same.work.yaml", "version: \"1\"\nprojects: [\"packages/*\"]\n")
                .file("packages/lib/same.yaml", """
                        project: lib
                        tasks:
                          build:
                            cmd: ["true"]
                        """)
                .file("packages/web/same.yaml", """
                        project: web
                        tasks:
                          build:
                            cmd: ["true"]
                            inptu: [src]
                            dependsOn: ["lib:build", "li"]
                        """);
    }

    @AfterEach
    void stop() throws Exception {
        ws.close();
    }

    @Test
    void neovimGetsDiagnosticsCompletionHoverAndDefinition() throws Exception {
        Path nvim = onPath("nvim");
        Assumptions.assumeTrue(nvim != null, "nvim is not installed (.ci/run installs it)");
        Path script = Path.of(getClass().getResource("/nvim/same-lsp.lua").toURI());
        Path out = ws.root.resolve("nvim-result.json");
        ProcessBuilder builder = new ProcessBuilder(nvim.toString(), "--headless", "-u", "NONE", "-c",
                "luafile " + script).directory(ws.root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ws.root.resolve("nvim.out").toFile())
                .redirectError(ws.root.resolve("nvim.err").toFile());
        builder.environment().clear();
        builder.environment().putAll(ws.environment);
        builder.environment().putAll(java.util.Map.of(
                "SAME_BIN", ws.distribution().resolve("bin/same").toString(),
                "SAME_ROOT", ws.root.toString(),
                "SAME_FILE", ws.root.resolve("packages/web/same.yaml").toString(),
                "SAME_OUT", out.toString(),
                "SAME_COMPLETE", "5:31",
                "SAME_HOVER", "2:3",
                "SAME_DEFINITION", "5:20"));
        Process process = builder.start();
        if (!process.waitFor(2 * DaemonWorkspace.DEADLINE_MILLIS, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        assertTrue(Files.exists(out), "nvim wrote no result; stderr: " + Files.readString(ws.root.resolve("nvim.err")));
        JsonNode result = new ObjectMapper().readTree(out.toFile());
        assertTrue(result.path("error").isMissingNode(), result.toString());

        JsonNode diagnostic = result.get("diagnostics").get(0);
        assertTrue(diagnostic.get("message").asText().startsWith("unknown key 'inptu' in task 'web:build'"),
                diagnostic.toString());
        assertEquals(4, diagnostic.get("line").asInt());
        assertEquals(4, diagnostic.get("col").asInt());
        List<String> completion = new ArrayList<>();
        result.get("completion").forEach(label -> completion.add(label.asText()));
        assertTrue(completion.contains("lib:build"), completion.toString());
        assertTrue(result.get("hover").asText().startsWith("**web:build**"), result.toString());
        assertEquals(ws.root.resolve("packages/lib/same.yaml").toUri().toString(),
                result.get("definition").get(0).get("uri").asText());
        assertEquals(2, result.get("definition").get(0).get("line").asInt());
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
