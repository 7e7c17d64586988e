package dev.same.server.env;

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
 * @param processEnvironment the server's own variables: where {@code nix} and environment commands are found
 */
public record EnvSettings(URI nixhubUrl, Duration resolverTimeout, Duration commandTimeout, String system,
                          Map<String, String> processEnvironment) {
    public static final String DEFAULT_NIXHUB_URL = "https://search.devbox.sh";
    public static final String NIXHUB_URL_VARIABLE = "SAME_NIXHUB_URL";
    public static final String TIMEOUT_VARIABLE = "SAME_ENV_TIMEOUT";
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_RESOLVER_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    public EnvSettings {
        processEnvironment = Map.copyOf(processEnvironment);
    }

    /** Settings from {@code variables}; a value that does not parse falls back to the default. */
    public static EnvSettings fromEnvironment(Map<String, String> variables) {
        String url = variables.get(NIXHUB_URL_VARIABLE);
        return new EnvSettings(URI.create(url == null || url.isBlank() ? DEFAULT_NIXHUB_URL : url.strip()),
                DEFAULT_RESOLVER_TIMEOUT, duration(variables.get(TIMEOUT_VARIABLE), DEFAULT_COMMAND_TIMEOUT),
                NixSystem.current(), variables);
    }

    public EnvSettings withCommandTimeout(Duration timeout) {
        return new EnvSettings(nixhubUrl, resolverTimeout, timeout, system, processEnvironment);
    }

    /** {@code 90} (seconds), {@code 90s}, {@code 500ms}, {@code 2m}, {@code 1m30s}; else {@code otherwise}. */
    static Duration duration(String text, Duration otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        String trimmed = text.strip();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(trimmed));
        }
        Matcher matcher = DURATION_PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
            end = matcher.end();
        }
        return end == trimmed.length() && !total.isZero() ? total : otherwise;
    }
}
