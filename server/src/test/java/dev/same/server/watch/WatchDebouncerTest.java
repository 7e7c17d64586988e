package dev.same.server.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WatchDebouncerTest {
    private final ManualTimer time = new ManualTimer();
    private final List<ChangeBatch> batches = new ArrayList<>();
    private final Debouncer debouncer = new Debouncer(Duration.ofMillis(10), Duration.ofMillis(200), time, time,
            batches::add);

    @Test
    void deliversOneBatchAfterTheQuietPeriod() {
        debouncer.changed("a.txt");
        time.advance(Duration.ofMillis(9));
        assertTrue(batches.isEmpty());
        time.advance(Duration.ofMillis(1));
        assertEquals(List.of(new ChangeBatch(Set.of("a.txt"), false)), batches);
    }

    @Test
    void anAwaitedChangeDeliversTheBatchSoFarAtOnce() {
        debouncer.changed("a.txt");
        time.advance(Duration.ofMillis(3));
        debouncer.changedAwaited(".same/cookies/c1");
        time.advance(Duration.ZERO);
        assertEquals(List.of(new ChangeBatch(Set.of("a.txt", ".same/cookies/c1"), false)), batches);
        time.advance(Duration.ofMillis(50));
        assertEquals(1, batches.size(), "nothing is delivered twice");
    }

    @Test
    void coalescesABurstIntoOneBatch() {
        for (int i = 0; i < 1000; i++) {
            debouncer.changed("src/file-" + i + ".txt");
            time.advance(Duration.ofNanos(100_000));
        }
        time.advance(Duration.ofMillis(10));
        assertEquals(1, batches.size());
        assertEquals(1000, batches.getFirst().paths().size());
    }

    @Test
    void aLongStreamOfEventsIsStillDeliveredByTheMaximumDelay() {
        for (int i = 0; i < 50; i++) {
            debouncer.changed("f" + i);
            time.advance(Duration.ofMillis(5));
        }
        assertFalse(batches.isEmpty(), "a batch is due 200ms after the first event even while events keep coming");
        assertEquals(Set.of("f0", "f1", "f2"), Set.copyOf(batches.getFirst().paths().stream()
                .filter(p -> p.equals("f0") || p.equals("f1") || p.equals("f2")).toList()));
    }

    @Test
    void lostEventsAskForARescan() {
        debouncer.changed("a.txt");
        debouncer.lost();
        time.advance(Duration.ofMillis(10));
        assertEquals(1, batches.size());
        assertTrue(batches.getFirst().rescan());
        debouncer.changed("b.txt");
        time.advance(Duration.ofMillis(10));
        assertFalse(batches.get(1).rescan(), "a rescan is asked for once");
    }

    @Test
    void nothingHappensWithoutEvents() {
        time.advance(Duration.ofSeconds(10));
        assertTrue(batches.isEmpty());
    }
}
