package dev.same.server.env;

import dev.same.server.SameException;
import dev.same.server.config.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Environments printed by commands: success in both forms, failure, a hang, garbage. */
class EnvCommandTest {
    @TempDir
    Path dir;
    EnvFixture ws;

    @BeforeEach
    void setUp() {
        ws = new EnvFixture(dir);
    }

    private ToolEnvironment resolveWith(String command, Duration timeout) {
        ws.file("same.yaml", """
                tasks:
                  build:
                    cmd: [make]
                    env:
                      command: %s
                      files: [.tool-versions]
                """.formatted(command));
        Workspace workspace = ws.load();
        return EnvFixture.resolve(ws.resolver(timeout), workspace, "build");
    }

    private ToolEnvironment resolve(String command) {
        return resolveWith(command, Duration.ofSeconds(30));
    }

    private SameException fails(String command, Duration timeout) {
        return assertThrows(SameException.class, () -> resolveWith(command, timeout));
    }

    @Test
    void aJsonObject() {
        ws.file("mise-env.sh", "echo '{\"GOROOT\": \"/opt/go\", \"N\": 1}'\n");

        ToolEnvironment env = resolve("[sh, mise-env.sh]");

        assertEquals(new TreeMap<>(Map.of("GOROOT", "/opt/go", "N", "1")), env.variables());
    }

    @Test
    void keyValueLinesFromAScriptInTheProjectDirectory() {
        ws.file("env.sh", "echo X=1\necho \"export GREETING='hello world'\"\necho WHERE=$(pwd)\n");

        ToolEnvironment env = resolve("[sh, env.sh]");

        assertEquals(new TreeMap<>(Map.of("X", "1", "GREETING", "hello world", "WHERE", ws.root.toString())),
                env.variables());
        assertEquals(64, env.hash().length());
    }

    @Test
    void aFailingCommandShowsWhatItPrinted() {
        SameException e = fails("[sh, -c, 'echo mise: no version of node installed >&2; exit 3']",
                Duration.ofSeconds(30));

        assertEquals("environment command failed with exit status 3: sh -c echo mise: no version of node installed "
                + ">&2; exit 3", e.getMessage());
        assertEquals("at same.yaml:4", e.context().getFirst());
        assertTrue(e.context().contains("  mise: no version of node installed"), e.context().toString());
    }

    @Test
    void aHangingCommandTimesOut() {
        long start = System.nanoTime();

        SameException e = fails("[sh, -c, 'echo starting; sleep 30']", Duration.ofMillis(300));

        assertEquals("environment command timed out after 300ms: sh -c echo starting; sleep 30", e.getMessage());
        assertTrue(e.context().stream().anyMatch(line -> line.contains("SAME_ENV_TIMEOUT")), e.context().toString());
        assertTrue(e.context().contains("  starting"), e.context().toString());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(20)) < 0);
    }

    @Test
    void garbageIsShown() {
        SameException e = fails("[sh, -c, 'echo Loading plugins...; echo X=1']", Duration.ofSeconds(30));

        assertEquals("environment command printed something that is not an environment: sh -c echo Loading "
                + "plugins...; echo X=1", e.getMessage());
        assertTrue(e.context().contains("line 1 is not KEY=VALUE: Loading plugins..."), e.context().toString());
        assertTrue(e.context().contains("  Loading plugins..."), e.context().toString());
    }

    @Test
    void anUnknownProgramIsNamed() {
        SameException e = fails("[no-such-env-tool, env]", Duration.ofSeconds(30));

        assertEquals("environment command not found: no-such-env-tool", e.getMessage());
    }

    @Test
    void theCommandSeesOnlyAFewOfTheServersVariables() {
        ws.file("same.yaml", """
                tasks:
                  build:
                    cmd: [make]
                    env: { command: [sh, -c, 'echo SECRET=${SECRET:-none}; echo HOME=$HOME'] }
                """);
        Map<String, String> server = Map.of("PATH", System.getenv("PATH"), "HOME", "/home/me", "SECRET", "s3cr3t");

        ToolEnvironment env = EnvFixture.resolve(ws.resolver(Duration.ofSeconds(30), server), ws.load(), "build");

        assertEquals(new TreeMap<>(Map.of("SECRET", "none", "HOME", "/home/me")), env.variables());
    }
}
