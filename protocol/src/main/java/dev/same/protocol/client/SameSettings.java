package dev.same.protocol.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every {@code SAME_*} variable a client or the daemon reads, read and checked in one place, the same way: an
 * unset or blank variable means its default, and a value that does not parse is an error naming the variable
 * (never silently the default). Durations are written as in {@link DurationParser}, or as a bare number of seconds.
 *
 * @param daemon              {@code SAME_DAEMON}: false for {@code 0}, {@code false} or {@code off}
 * @param idleTimeout         {@code SAME_DAEMON_IDLE_TIMEOUT}, for daemons a client spawns
 * @param daemonJavaOptions   {@code SAME_DAEMON_JAVA_OPTS}, split at spaces
 * @param watchDebounce       {@code SAME_WATCH_DEBOUNCE}: how long the watcher waits for a burst of changes to end
 * @param envTimeout          {@code SAME_ENV_TIMEOUT}: how long an environment command may run
 * @param nixhubUrl           {@code SAME_NIXHUB_URL}: the Nix package resolver
 * @param aot                 {@code SAME_AOT}: false for {@code 0} (the launcher then uses no AOT cache)
 * @param home                {@code SAME_HOME}: the distribution the launcher started (set by {@code bin/same}); null
 * @param daemonAotCache      {@code SAME_DAEMON_AOT_CACHE}: where the launcher keeps the daemon's AOT cache for this
 *                            build and JDK (set by {@code bin/same}; used when the file exists); null
 * @param remoteCacheUrl      {@code SAME_REMOTE_CACHE_URL}: the remote cache, over the workspace's; null when unset
 * @param remoteCacheReadOnly {@code SAME_REMOTE_CACHE_READ_ONLY}: over the workspace's {@code readOnly}; null when unset
 * @param inProcessAotCache   {@code SAME_IN_PROCESS_AOT_CACHE}: where the launcher keeps the AOT cache of a CLI that
 *                            runs its command in process (set by {@code bin/same}; used when the file exists); null
 * @param platform            {@code SAME_PLATFORM}: the platform named in the hash of every task that is not portable,
 *                            over the machine's own ({@code x86_64-linux-musl}, say, for machines the OS and CPU
 *                            alone do not tell apart); null when unset
 */
public record SameSettings(boolean daemon, Duration idleTimeout, List<String> daemonJavaOptions,
                           Duration watchDebounce, Duration envTimeout, URI nixhubUrl, boolean aot, String home,
                           String daemonAotCache, URI remoteCacheUrl, Boolean remoteCacheReadOnly,
                           String inProcessAotCache, String platform) {
    public static final String DAEMON = "SAME_DAEMON";
    public static final String IDLE_TIMEOUT = "SAME_DAEMON_IDLE_TIMEOUT";
    public static final String DAEMON_JAVA_OPTS = "SAME_DAEMON_JAVA_OPTS";
    public static final String WATCH_DEBOUNCE = "SAME_WATCH_DEBOUNCE";
    public static final String ENV_TIMEOUT = "SAME_ENV_TIMEOUT";
    public static final String NIXHUB_URL = "SAME_NIXHUB_URL";
    public static final String AOT = "SAME_AOT";
    public static final String HOME = "SAME_HOME";
    public static final String DAEMON_AOT_CACHE = "SAME_DAEMON_AOT_CACHE";
    public static final String IN_PROCESS_AOT_CACHE = "SAME_IN_PROCESS_AOT_CACHE";
    public static final String REMOTE_CACHE_URL = "SAME_REMOTE_CACHE_URL";
    public static final String REMOTE_CACHE_READ_ONLY = "SAME_REMOTE_CACHE_READ_ONLY";
    public static final String PLATFORM = "SAME_PLATFORM";
    /** A secret: never part of these settings (a record prints its components), read where it is used. */
    public static final String REMOTE_CACHE_TOKEN = "SAME_REMOTE_CACHE_TOKEN";

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(3);
    public static final Duration DEFAULT_WATCH_DEBOUNCE = Duration.ofMillis(10);
    public static final Duration DEFAULT_ENV_TIMEOUT = Duration.ofSeconds(60);
    public static final URI DEFAULT_NIXHUB_URL = URI.create("https://search.devbox.sh");

    public SameSettings {
        daemonJavaOptions = List.copyOf(daemonJavaOptions);
    }

    /** @throws UserError naming the first variable whose value does not parse */
    public static SameSettings from(Map<String, String> environment) {
        Reader read = new Reader(environment);
        return new SameSettings(read.flag(DAEMON), read.duration(IDLE_TIMEOUT, DEFAULT_IDLE_TIMEOUT),
                read.words(DAEMON_JAVA_OPTS), read.duration(WATCH_DEBOUNCE, DEFAULT_WATCH_DEBOUNCE),
                read.duration(ENV_TIMEOUT, DEFAULT_ENV_TIMEOUT), read.url(NIXHUB_URL, DEFAULT_NIXHUB_URL),
                read.flag(AOT), read.text(HOME), read.text(DAEMON_AOT_CACHE), read.url(REMOTE_CACHE_URL, null),
                read.flagOrNull(REMOTE_CACHE_READ_ONLY), read.text(IN_PROCESS_AOT_CACHE), read.name(PLATFORM));
    }

    private record Reader(Map<String, String> environment) {
        String text(String name) {
            String value = environment.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        boolean flag(String name) {
            Boolean value = flagOrNull(name);
            return value == null || value;
        }

        Boolean flagOrNull(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "1", "true", "on", "yes" -> true;
                case "0", "false", "off", "no" -> false;
                default -> throw invalid(name, value, "use 1 or 0 (true/false, on/off)");
            };
        }

        Duration duration(String name, Duration otherwise) {
            String value = text(name);
            if (value == null) {
                return otherwise;
            }
            try {
                return value.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(value))
                        : DurationParser.parse(value);
            } catch (UserError | NumberFormatException e) {
                throw invalid(name, value, "use a number with a unit: 500ms, 90s, 15m, 3h, 1h30m");
            }
        }

        URI url(String name, URI otherwise) {
            String value = text(name);
            if (value == null) {
                return otherwise;
            }
            try {
                URI url = new URI(value);
                if (url.getScheme() == null || url.getHost() == null
                        || !List.of("http", "https").contains(url.getScheme().toLowerCase(java.util.Locale.ROOT))) {
                    throw invalid(name, value, "use an absolute http or https URL");
                }
                return url;
            } catch (URISyntaxException e) {
                throw invalid(name, value, "use an absolute http or https URL");
            }
        }

        /** A name of letters, digits, {@code .}, {@code _} and {@code -}; null when unset. */
        String name(String name) {
            String value = text(name);
            if (value != null && !value.matches("[A-Za-z0-9._-]+")) {
                throw invalid(name, value, "use letters, digits, '.', '_' and '-' only, as in x86_64-linux-musl");
            }
            return value;
        }

        List<String> words(String name) {
            String value = text(name);
            return value == null ? List.of() : List.of(value.split("\\s+"));
        }

        private static UserError invalid(String name, String value, String remedy) {
            return new UserError("invalid " + name + " '" + value + "'", List.of(remedy,
                    "or unset it for the default"));
        }
    }
}
