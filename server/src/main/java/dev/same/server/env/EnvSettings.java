package dev.same.server.env;

import dev.same.server.env.nix.NixSystem;
import dev.same.protocol.client.SameSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How environments are resolved, from the server's environment variables.
 *
 * @param nixhubUrl         the Nix package resolver ({@code SAME_NIXHUB_URL}, default {@value #DEFAULT_NIXHUB_URL})
 * @param resolverTimeout   how long one request to the resolver may take
 * @param commandTimeout    how long an environment command may run ({@code SAME_ENV_TIMEOUT}, default 60s)
 * @param system            the Nix system the tools are for, e.g. {@code x86_64-linux}
 * @param platform          the platform in the hash of every task that is not {@code portable}: {@code SAME_PLATFORM},
 *                          else the machine's, named as Nix names systems (see {@link EnvironmentResolver#platform})
 * @param processEnvironment the server's own variables: where {@code nix} and environment commands are found
 */
public record EnvSettings(URI nixhubUrl, Duration resolverTimeout, Duration commandTimeout, String system,
                          String platform, Map<String, String> processEnvironment) {
    public static final String TIMEOUT_VARIABLE = SameSettings.ENV_TIMEOUT;
    public static final Duration DEFAULT_RESOLVER_TIMEOUT = Duration.ofSeconds(30);

    public EnvSettings {
        processEnvironment = Map.copyOf(processEnvironment);
    }

    /** Settings from {@code variables} ({@link SameSettings}: a value that does not parse is an error). */
    public static EnvSettings fromEnvironment(Map<String, String> variables) {
        SameSettings settings = SameSettings.from(variables);
        String system = NixSystem.current();
        return new EnvSettings(settings.nixhubUrl(), DEFAULT_RESOLVER_TIMEOUT, settings.envTimeout(), system,
                settings.platform() == null ? system : settings.platform(), variables);
    }

    public EnvSettings withCommandTimeout(Duration timeout) {
        return new EnvSettings(nixhubUrl, resolverTimeout, timeout, system, platform, processEnvironment);
    }
}
