package dev.same.intellij.core.run;

import java.util.concurrent.atomic.AtomicLong;

/** Run ids unique among the daemon's clients: client, pid, start time and a counter. */
public final class RunIds {
    private static final AtomicLong COUNTER = new AtomicLong();

    private RunIds() {
    }

    public static String next() {
        return "intellij-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis() + "-"
                + COUNTER.incrementAndGet();
    }
}
