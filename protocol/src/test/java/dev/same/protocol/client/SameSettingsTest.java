package dev.same.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SameSettingsTest {
    @Test
    void unsetOrBlankVariablesMeanTheDefaults() {
        SameSettings settings = SameSettings.from(Map.of(SameSettings.WATCH_DEBOUNCE, " "));

        assertTrue(settings.daemon());
        assertEquals(SameSettings.DEFAULT_IDLE_TIMEOUT, settings.idleTimeout());
        assertEquals(SameSettings.DEFAULT_WATCH_DEBOUNCE, settings.watchDebounce());
        assertEquals(SameSettings.DEFAULT_ENV_TIMEOUT, settings.envTimeout());
        assertEquals(SameSettings.DEFAULT_NIXHUB_URL, settings.nixhubUrl());
        assertEquals(List.of(), settings.daemonJavaOptions());
        assertTrue(settings.aot());
        assertNull(settings.platform());
    }

    @Test
    void readsEveryVariable() {
        SameSettings settings = SameSettings.from(Map.of("SAME_DAEMON", "off", "SAME_DAEMON_IDLE_TIMEOUT", "1h30m",
                "SAME_DAEMON_JAVA_OPTS", " -Xmx2g  -Xss2m ", "SAME_WATCH_DEBOUNCE", "50ms", "SAME_ENV_TIMEOUT", "120",
                "SAME_NIXHUB_URL", "http://127.0.0.1:9/", "SAME_AOT", "0", "SAME_PLATFORM", "x86_64-linux-musl"));

        assertFalse(settings.daemon());
        assertEquals(Duration.ofMinutes(90), settings.idleTimeout());
        assertEquals(List.of("-Xmx2g", "-Xss2m"), settings.daemonJavaOptions());
        assertEquals(Duration.ofMillis(50), settings.watchDebounce());
        assertEquals(Duration.ofSeconds(120), settings.envTimeout(), "a bare number is seconds");
        assertEquals(URI.create("http://127.0.0.1:9/"), settings.nixhubUrl());
        assertFalse(settings.aot());
        assertEquals("x86_64-linux-musl", settings.platform());
    }

    @Test
    void aValueThatDoesNotParseIsAnErrorNamingTheVariable() {
        for (var bad : List.of(Map.of("SAME_WATCH_DEBOUNCE", "soon"), Map.of("SAME_DAEMON_IDLE_TIMEOUT", "3 hours"),
                Map.of("SAME_ENV_TIMEOUT", "-1"), Map.of("SAME_DAEMON", "maybe"), Map.of("SAME_NIXHUB_URL", "nixhub"),
                Map.of("SAME_PLATFORM", "linux/amd64"))) {
            String name = bad.keySet().iterator().next();
            UserError error = assertThrows(UserError.class, () -> SameSettings.from(bad));

            assertEquals("invalid " + name + " '" + bad.get(name) + "'", error.getMessage());
        }
    }
}
