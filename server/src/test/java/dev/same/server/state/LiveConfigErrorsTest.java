package dev.same.server.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.same.protocol.ConfigError;
import dev.same.server.SameException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveConfigErrorsTest {
    @Test
    void fileAndLineFromAnAtContext() {
        ConfigError error = ConfigErrors.of(new SameException("missing dependency: lib:nope",
                List.of("at packages/app/same.yaml:8")));
        assertEquals("packages/app/same.yaml", error.file());
        assertEquals(8, error.line());
    }

    @Test
    void theFileAloneWhenTheContextNamesNoLine() {
        // what a project file that is empty, or half-written, reports
        ConfigError error = ConfigErrors.of(new SameException("missing project name: packages/lib/same.yaml has no"
                + " 'project' key", List.of("at packages/lib/same.yaml", "every project in a workspace needs one")));
        assertEquals("packages/lib/same.yaml", error.file());
        assertEquals(0, error.line());
    }

    @Test
    void noFileWhenNothingNamesOne() {
        ConfigError error = ConfigErrors.of(new SameException("cycle detected: a -> b -> a", List.of("at least one")));
        assertNull(error.file());
    }
}
