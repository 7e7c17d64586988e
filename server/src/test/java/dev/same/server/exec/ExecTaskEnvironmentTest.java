package dev.same.server.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecTaskEnvironmentTest {
    private static final Map<String, String> CALLER = Map.of("HOME", "/home/me", "PATH", "/usr/bin:/bin",
            "USER", "me", "TERM", "dumb", "AWS_SECRET_ACCESS_KEY", "s3cr3t", "SHELL", "/bin/zsh");

    @Test
    void onlyHomeTermUserAndPathComeFromTheCaller() {
        assertEquals(Map.of("HOME", "/home/me", "PATH", "/usr/bin:/bin", "USER", "me", "TERM", "dumb"),
                TaskEnvironment.build(CALLER, Map.of(), Map.of()));
    }

    @Test
    void aCallerWithoutSomeOfThemPassesWhatItHas() {
        assertEquals(Map.of("PATH", "/bin"), TaskEnvironment.build(Map.of("PATH", "/bin", "X", "1"), Map.of(),
                Map.of()));
    }

    @Test
    void theToolPathGoesInFrontAndToolVariablesAreAdded() {
        Map<String, String> env = TaskEnvironment.build(CALLER,
                Map.of("PATH", "/nix/store/node/bin", "NODE_PATH", "/nix/store/node/lib"), Map.of());

        assertEquals("/nix/store/node/bin:/usr/bin:/bin", env.get("PATH"));
        assertEquals("/nix/store/node/lib", env.get("NODE_PATH"));
    }

    @Test
    void theTasksOwnVariablesWinOverEverything() {
        Map<String, String> env = TaskEnvironment.build(CALLER, Map.of("NODE_ENV", "development"),
                Map.of("NODE_ENV", "production", "HOME", "/tmp/home"));

        assertEquals("production", env.get("NODE_ENV"));
        assertEquals("/tmp/home", env.get("HOME"));
    }

    @Test
    void aToolPathWithoutACallerPathStandsAlone() {
        assertEquals("/tools/bin", TaskEnvironment.build(Map.of(), Map.of("PATH", "/tools/bin"), Map.of()).get("PATH"));
    }
}
