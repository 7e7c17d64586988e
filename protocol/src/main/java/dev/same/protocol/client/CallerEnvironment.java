package dev.same.protocol.client;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

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

    /**
     * What a run request carries of {@code environment}, the caller's own: the variables {@link #SENT}, no others.
     * Every client (the CLI, {@code same lsp}, the editors' plugins) sends this, so a run started from an editor
     * uses the remote cache settings of the editor's environment as one from a shell uses the shell's.
     */
    public static SortedMap<String, String> of(Map<String, String> environment) {
        SortedMap<String, String> sent = new TreeMap<>();
        for (String name : SENT) {
            String value = environment.get(name);
            if (value != null) {
                sent.put(name, value);
            }
        }
        return sent;
    }

    private CallerEnvironment() {
    }
}
