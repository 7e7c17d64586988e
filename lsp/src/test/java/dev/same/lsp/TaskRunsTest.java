package dev.same.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.same.protocol.RunParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Run lens's request carries what the CLI's does of its caller's environment: the editor's here. */
class TaskRunsTest {
    @Test
    void theRequestCarriesTheEditorsRemoteCacheSettingsAndNoOtherVariables() {
        Map<String, String> editor = Map.of("PATH", "/usr/bin", "HOME", "/home/me", "EDITOR_SECRET", "x",
                "SAME_REMOTE_CACHE_URL", "https://cache.example/same", "SAME_REMOTE_CACHE_TOKEN", "t0ken",
                "SAME_REMOTE_CACHE_READ_ONLY", "1");

        RunParams request = new TaskRuns(null, false, editor).request("r1", "lib:build", "/ws");

        assertEquals(new RunParams("r1", List.of("lib:build"), "/ws", Map.of("PATH", "/usr/bin", "HOME", "/home/me",
                "SAME_REMOTE_CACHE_URL", "https://cache.example/same", "SAME_REMOTE_CACHE_TOKEN", "t0ken",
                "SAME_REMOTE_CACHE_READ_ONLY", "1"), false, 0), request);
    }
}
