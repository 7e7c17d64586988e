package dev.same.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inspect view in a real terminal: {@code same run} inside tmux, driven with send-keys and read with
 * capture-pane, for a run in the daemon and one in process.
 */
@Timeout(240)
class InspectViewIT {
    private static final Path TMUX = Path.of("/usr/bin/tmux");

    private DaemonWorkspace ws;
    private final String server = "same-it-" + UUID.randomUUID();

    @BeforeEach
    void workspace() throws Exception {
        assumeTrue(Files.isExecutable(TMUX), "tmux is not installed");
        ws = new DaemonWorkspace();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (ws != null) {
            tmux("kill-server");
            ws.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void aFailedRunOpensTheTaskListBesideTheLogsAndTheKeysMoveThroughIt(String mode) throws Exception {
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  lib:
                    cmd: ["sh", "-c", "for i in $(seq 1 60); do echo lib line $i; done"]
                  app:
                    cmd: ["sh", "-c", "echo compiling app; echo 'error: it broke'; exit 1"]
                    dependsOn: ["lib"]
                """);
        start(mode, "run", "app");

        String failed = await("the view", screen -> screen.contains("BUILD FAILED - Press 'q' to exit"));
        assertContains(failed, "> ✗ app [Failed ");
        assertContains(failed, "│ error: it broke");

        tmux("send-keys", "-t", "run", "k");
        String lib = await("lib selected", screen -> screen.contains("> ✓ lib"));
        assertContains(lib, "│ lib line 60");

        tmux("send-keys", "-t", "run", "Enter");
        tmux("send-keys", "-t", "run", "g");
        String top = await("lib's log from its start", screen -> screen.contains("LOGS: lib") && screen.contains(
                "lines 1-"));
        assertContains(top, "│ lib line 1\n");

        tmux("send-keys", "-t", "run", "Down");
        await("the log scrolled", screen -> screen.contains("lines 2-"));

        tmux("send-keys", "-t", "run", "Escape");
        await("the list again", screen -> screen.contains("BUILD FAILED"));
        tmux("send-keys", "-t", "run", "j");
        await("app selected", screen -> screen.contains("> ✗ app"));

        tmux("send-keys", "-t", "run", "q");
        String after = await("same to exit", screen -> screen.contains("EXIT=1"));
        assertContains(after, "1 failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void inspectKeepsItOpenAfterASuccessfulRunAndNoInspectOnErrorClosesIt(String mode) throws Exception {
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  ok:
                    cmd: ["echo", "fine"]
                  broken:
                    cmd: ["false"]
                """);
        start(mode, "run", "ok", "-i");
        await("the view", screen -> screen.contains("BUILD PLAN") && screen.contains("> ✓ ok"));
        tmux("send-keys", "-t", "run", "q");
        await("same to exit", screen -> screen.contains("EXIT=0"));
        tmux("kill-session", "-t", "run");

        start(mode, "run", "broken", "--inspect-on-error=false");
        String screen = await("same to exit", s -> s.contains("EXIT="));
        assertContains(screen, "EXIT=1");
        assertEquals(false, screen.contains("BUILD FAILED"), screen);
    }

    /** Starts {@code same args} in a new tmux session "run" of 100x20, with the workspace's environment. */
    private void start(String mode, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("cd", quote(ws.root.toString()), "&&", "env", "-i"));
        for (Map.Entry<String, String> variable : ws.environment.entrySet()) {
            if (!variable.getKey().equals("CI")) { // CI would make the output linear
                command.add(quote(variable.getKey() + "=" + variable.getValue()));
            }
        }
        command.add("TERM=xterm-256color");
        command.add(quote(ws.distribution().resolve("bin/same").toString()));
        command.addAll(List.of(args));
        if (mode.equals("in process")) {
            command.add("--no-daemon");
        }
        command.addAll(List.of(";", "echo", "EXIT=$?;", "sleep", "600"));
        // the server outlives a killed session: one exiting as the next session starts could remove its socket
        tmux("new-session", "-d", "-s", "run", "-x", "100", "-y", "20", String.join(" ", command),
                ";", "set-option", "-s", "exit-empty", "off");
    }

    private String await(String what, Predicate<String> condition) throws Exception {
        String[] last = {""};
        try {
            DaemonWorkspace.poll(() -> {
                last[0] = capture();
                return condition.test(last[0]);
            }, what);
        } catch (AssertionError e) {
            fail("no " + what + " on the screen:\n" + last[0]);
        }
        return last[0];
    }

    private String capture() {
        try {
            return tmux("capture-pane", "-p", "-t", "run").lines().map(String::stripTrailing)
                    .collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TMUX.toString(), "-L", server, "-f", "/dev/null"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static void assertContains(String screen, String text) {
        if (!screen.contains(text)) {
            fail("expected '" + text + "' on the screen:\n" + screen);
        }
    }
}
