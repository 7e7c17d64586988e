package dev.same.protocol.client;

import java.util.List;

/** What of a caller's environment reaches the tasks it runs: sent with every run, never the daemon's own. */
public final class CallerEnvironment {
    /** The variables a task gets from the caller; the tool environment and the task's own come on top. */
    public static final List<String> PASSED_THROUGH = List.of("HOME", "TERM", "USER", "PATH");

    private CallerEnvironment() {
    }
}
