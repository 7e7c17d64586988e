package dev.same.server.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The idle timer in virtual time: nothing here sleeps. */
class DaemonIdleMonitorTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Duration MILLI = Duration.ofMillis(1);

    private final MutableClock clock = new MutableClock();
    private final IdleMonitor idle = new IdleMonitor(clock, TIMEOUT);

    @Test
    void expiresExactlyAfterTheTimeoutCountedFromStart() {
        assertEquals(TIMEOUT, idle.remaining());
        clock.advance(TIMEOUT.minus(MILLI));
        assertFalse(idle.expired());
        assertEquals(MILLI, idle.remaining());
        clock.advance(MILLI);
        assertTrue(idle.expired());
        assertEquals(Duration.ZERO, idle.remaining());
    }

    @Test
    void remainingNeverGoesNegative() {
        clock.advance(TIMEOUT.multipliedBy(5));
        assertEquals(Duration.ZERO, idle.remaining());
        assertTrue(idle.expired());
    }

    @Test
    void aRequestRestartsTheCount() {
        clock.advance(Duration.ofMinutes(7));
        idle.requestSeen();
        assertEquals(TIMEOUT, idle.remaining());
        clock.advance(TIMEOUT.minus(MILLI));
        assertFalse(idle.expired());
        clock.advance(MILLI);
        assertTrue(idle.expired());
    }

    @Test
    void neverExpiresWhileAClientIsConnected() {
        idle.clientConnected();
        clock.advance(TIMEOUT.multipliedBy(100));
        assertFalse(idle.expired());
        assertNull(idle.remaining(), "no time left is reported while busy");
    }

    @Test
    void countsFromTheLastDisconnect() {
        idle.clientConnected();
        clock.advance(TIMEOUT.multipliedBy(3));
        idle.clientDisconnected();
        assertEquals(TIMEOUT, idle.remaining());
        clock.advance(TIMEOUT.minus(MILLI));
        assertFalse(idle.expired());
        assertEquals(MILLI, idle.remaining());
        clock.advance(MILLI);
        assertTrue(idle.expired());
    }

    @Test
    void staysBusyUntilTheLastClientLeaves() {
        idle.clientConnected();
        idle.clientConnected();
        idle.clientDisconnected();
        clock.advance(TIMEOUT.multipliedBy(2));
        assertFalse(idle.expired());
        idle.clientDisconnected();
        assertEquals(TIMEOUT, idle.remaining());
    }

    @Test
    void anExtraDisconnectDoesNotMakeTheCountNegative() {
        idle.clientDisconnected();
        idle.clientConnected();
        clock.advance(TIMEOUT.multipliedBy(2));
        assertFalse(idle.expired(), "one client is still connected");
    }

    @Test
    void neverExpiresWhileARunIsActive() {
        idle.runStarted();
        clock.advance(TIMEOUT.multipliedBy(100));
        assertFalse(idle.expired());
        assertNull(idle.remaining());
        idle.runFinished();
        assertEquals(TIMEOUT, idle.remaining());
        clock.advance(TIMEOUT);
        assertTrue(idle.expired());
    }

    @Test
    void aRunKeepsItAliveAfterItsClientLeft() {
        idle.clientConnected();
        idle.runStarted();
        idle.clientDisconnected();
        clock.advance(TIMEOUT.multipliedBy(2));
        assertFalse(idle.expired());
        idle.runFinished();
        clock.advance(TIMEOUT.minus(MILLI));
        assertFalse(idle.expired());
        clock.advance(MILLI);
        assertTrue(idle.expired());
    }

    @Test
    void remainingWithoutTheAskingClientCountsAsIfItHadLeft() {
        idle.clientConnected();
        clock.advance(Duration.ofMinutes(4));
        idle.requestSeen();
        clock.advance(Duration.ofMinutes(1));
        assertNull(idle.remaining());
        assertEquals(TIMEOUT.minus(Duration.ofMinutes(1)), idle.remainingWithout(1));
        idle.clientConnected();
        assertNull(idle.remainingWithout(1), "another client is connected");
        idle.clientDisconnected();
        idle.runStarted();
        assertNull(idle.remainingWithout(1), "a run is active");
    }

    @Test
    void reportsItsTimeout() {
        assertEquals(TIMEOUT, idle.timeout());
    }
}
