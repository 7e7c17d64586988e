package dev.same.server.env;

import dev.same.server.env.nix.NixSystem;
import dev.same.protocol.client.UserError;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Settings from the environment: resolver URL, command timeout, system. */
class EnvSettingsTest {
    @Test
    void defaults() {
        EnvSettings settings = EnvSettings.fromEnvironment(Map.of());

        assertEquals(URI.create("https://search.devbox.sh"), settings.nixhubUrl());
        assertEquals(Duration.ofSeconds(60), settings.commandTimeout());
        assertEquals(NixSystem.current(), settings.platform(), "the machine's own, named as Nix names systems");
    }

    @Test
    void variablesOverrideThem() {
        EnvSettings settings = EnvSettings.fromEnvironment(Map.of("SAME_NIXHUB_URL", "http://127.0.0.1:8080/",
                "SAME_ENV_TIMEOUT", "1m30s"));

        assertEquals(URI.create("http://127.0.0.1:8080/"), settings.nixhubUrl());
        assertEquals(Duration.ofSeconds(90), settings.commandTimeout());
        EnvSettings musl = EnvSettings.fromEnvironment(Map.of("SAME_PLATFORM", "x86_64-linux-musl"));
        assertEquals("x86_64-linux-musl", musl.platform());
        assertEquals(NixSystem.current(), musl.system(), "Nix tools are still resolved for the machine's system");
    }

    @Test
    void aTimeoutThatDoesNotParseIsAnErrorNamingTheVariable() {
        assertEquals(Duration.ofSeconds(120), EnvSettings.fromEnvironment(Map.of("SAME_ENV_TIMEOUT", "120"))
                .commandTimeout());
        UserError error = assertThrows(UserError.class,
                () -> EnvSettings.fromEnvironment(Map.of("SAME_ENV_TIMEOUT", "soon")));
        assertEquals("invalid SAME_ENV_TIMEOUT 'soon'", error.getMessage());
    }

    @Test
    void nixSystemNames() {
        assertEquals("x86_64-linux", NixSystem.of("amd64", "Linux"));
        assertEquals("aarch64-linux", NixSystem.of("aarch64", "Linux"));
        assertEquals("aarch64-darwin", NixSystem.of("aarch64", "Mac OS X"));
        assertEquals("x86_64-darwin", NixSystem.of("x86_64", "Mac OS X"));
    }
}
