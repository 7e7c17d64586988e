package dev.same.protocol.client;

import java.util.List;

/** What of a caller's environment reaches the tasks it runs: sent with every run, never the daemon's own. */
public final class CallerEnvironment {
    /** The variables a task gets from the caller; the tool environment and the task's own come on top. */
    public static final List<String> PASSED_THROUGH = List.of("HOME", "TERM", "USER", "PATH");

    /**
     * Sent with a run but never given to its tasks: the caller's remote cache settings, so a daemon started before
     * they were set (or by another shell) uses the caller's own. HOME, passed through above, locates {@code ~/.netrc}.
     */
    public static final List<String> REMOTE_CACHE = List.of(SameSettings.REMOTE_CACHE_URL,
            SameSettings.REMOTE_CACHE_READ_ONLY, SameSettings.REMOTE_CACHE_TOKEN);

    /** Every variable a run request carries from its caller. */
    public static final List<String> SENT = java.util.stream.Stream.concat(PASSED_THROUGH.stream(),
            REMOTE_CACHE.stream()).toList();

    private CallerEnvironment() {
    }
}
