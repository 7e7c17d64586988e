package dev.same.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DoctorVerdictTest {
    @Test
    void warmRunsDecideWhenTheyWereMeasured() {
        DoctorVerdict verdict = DoctorVerdict.of(150.0, 1000.0, 900.0, 100.0, true);
        assertTrue(verdict.pays());
        assertEquals("the daemon pays for itself here: a warm 'same run all' takes 150 ms with the daemon and "
                + "1000 ms without (0.15x)", verdict.reason());
    }

    @Test
    void statusDecidesWhenRunsWereNot() {
        DoctorVerdict verdict = DoctorVerdict.of(null, null, 95.0, 100.0, true);
        assertFalse(verdict.pays());
        assertTrue(verdict.reason().startsWith("the daemon does not pay for itself here: 'same status' takes 95 ms"),
                verdict.reason());
        assertTrue(verdict.reason().endsWith("SAME_DAEMON=0 runs without it"), verdict.reason());
    }

    @Test
    void aDegradedWatcherIsSaidFirst() {
        DoctorVerdict verdict = DoctorVerdict.of(100.0, 1000.0, null, null, false);
        assertFalse(verdict.pays());
        assertTrue(verdict.reason().startsWith("the file watcher is degraded"), verdict.reason());
    }

    @Test
    void nothingMeasuredIsNoVerdict() {
        DoctorVerdict verdict = DoctorVerdict.of(null, null, null, null, true);
        assertFalse(verdict.pays());
        assertTrue(verdict.reason().startsWith("not measured"), verdict.reason());
    }

    @Test
    void mediansOfOddAndEvenCounts() {
        assertEquals(2.0, DoctorVerdict.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, DoctorVerdict.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertNull(DoctorVerdict.median(List.of()));
    }
}
