package dev.same.cli.connect;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run ids chosen by the client: unique across the processes talking to one daemon (pid, start time, count)
 * without {@code UUID.randomUUID()}, whose SecureRandom seeding costs a short-lived client noticeable time.
 */
public final class RunIds {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private RunIds() {
    }

    public static String next() {
        return ProcessHandle.current().pid() + "-" + Long.toString(System.currentTimeMillis(), 36) + "-"
                + COUNT.incrementAndGet();
    }
}
