package dev.same.server.daemon;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Decides when the daemon has been idle long enough to stop: the timeout counts from the last request or
 * client disconnect, and only while no client is connected and no run is active.
 */
public final class IdleMonitor {
    private final InstantSource clock;
    private final Duration timeout;
    private Instant lastActivity;
    private int clients;
    private int runs;

    public IdleMonitor(InstantSource clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
        this.lastActivity = clock.instant();
    }

    public Duration timeout() {
        return timeout;
    }

    public synchronized void clientConnected() {
        clients++;
        lastActivity = clock.instant();
    }

    public synchronized void clientDisconnected() {
        clients = Math.max(0, clients - 1);
        lastActivity = clock.instant();
    }

    public synchronized void requestSeen() {
        lastActivity = clock.instant();
    }

    public synchronized void runStarted() {
        runs++;
        lastActivity = clock.instant();
    }

    public synchronized void runFinished() {
        runs = Math.max(0, runs - 1);
        lastActivity = clock.instant();
    }

    /** Time left before idle shutdown, or null while busy (clients connected or runs active). */
    public Duration remaining() {
        return remainingWithout(0);
    }

    /**
     * Time left once {@code leaving} of the connected clients are gone, or null while still busy: what a client
     * asking for the daemon's status wants to know, since it is connected itself.
     */
    public synchronized Duration remainingWithout(int leaving) {
        if (clients - leaving > 0 || runs > 0) {
            return null;
        }
        Duration left = timeout.minus(Duration.between(lastActivity, clock.instant()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean expired() {
        Duration left = remaining();
        return left != null && left.isZero();
    }
}
