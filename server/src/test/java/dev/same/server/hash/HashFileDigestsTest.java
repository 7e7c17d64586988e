package dev.same.server.hash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class HashFileDigestsTest {
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final FileTime LONG_AGO = FileTime.from(NOW.minus(Duration.ofHours(1)));

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void unchangedFileIsNotReadAgain() throws IOException {
        write("a.txt", "alpha", LONG_AGO);
        var digests = new FileDigests(clock);
        assertEquals(Digest.of("alpha"), digests.digest(root, "a.txt"));
        assertEquals(Digest.of("alpha"), digests.digest(root, "a.txt"));
        assertEquals(Digest.of("alpha"), digests.digest(root, "a.txt"));
        assertEquals(1, digests.misses());
        assertEquals(2, digests.hits());
        assertEquals(1, digests.size());
    }

    @Test
    void sameSizeChangeIsSeen() throws IOException {
        write("a.txt", "alpha", LONG_AGO);
        var digests = new FileDigests(clock);
        digests.digest(root, "a.txt");
        write("a.txt", "ALPHA", FileTime.from(NOW.minus(Duration.ofMinutes(30))));
        assertEquals(Digest.of("ALPHA"), digests.digest(root, "a.txt"));
        assertEquals(2, digests.misses());
    }

    @Test
    void sameSizeAndMtimeChangeIsSeenThroughCtime() throws IOException {
        write("a.txt", "alpha", LONG_AGO);
        var digests = new FileDigests(clock);
        digests.digest(root, "a.txt");
        sleepPastTimestampGranularity();
        write("a.txt", "ALPHA", LONG_AGO); // mtime set back, as `cp -p` or `touch -r` would
        assertEquals(Digest.of("ALPHA"), digests.digest(root, "a.txt"));
    }

    @Test
    void fileReplacedByRenameIsSeenThroughInode() throws IOException {
        write("a.txt", "alpha", LONG_AGO);
        var digests = new FileDigests(clock);
        digests.digest(root, "a.txt");
        write("b.txt", "bravo", LONG_AGO);
        Files.move(root.resolve("b.txt"), root.resolve("a.txt"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Digest.of("bravo"), digests.digest(root, "a.txt"));
    }

    @Test
    void racyEntryIsRehashedUntilItIsOldEnough() throws IOException {
        // written within the racy window before it is hashed: a same-size rewrite in the same
        // timestamp granule would leave the stat unchanged, so the entry is not trusted yet
        FileTime justNow = FileTime.from(NOW.minusMillis(500));
        write("a.txt", "alpha", justNow);
        var digests = new FileDigests(clock);
        digests.digest(root, "a.txt");
        write("a.txt", "ALPHA", justNow);
        assertEquals(Digest.of("ALPHA"), digests.digest(root, "a.txt"));
        assertEquals(2, digests.misses());

        clock.advance(Duration.ofSeconds(3));
        digests.digest(root, "a.txt"); // re-hashed, now long enough after the write
        assertEquals(3, digests.misses());
        digests.digest(root, "a.txt");
        assertEquals(3, digests.misses());
        assertEquals(1, digests.hits());
    }

    @Test
    void recentStatusChangeIsRacyToo() throws IOException {
        write("a.txt", "alpha", FileTime.from(Instant.now().minus(Duration.ofHours(1)))); // ctime is now
        var digests = new FileDigests(InstantSource.system());
        digests.digest(root, "a.txt");
        digests.digest(root, "a.txt");
        assertEquals(2, digests.misses());
    }

    @Test
    void statFromTheCallerIsUsed() throws IOException {
        write("a.txt", "alpha", LONG_AGO);
        var digests = new FileDigests(clock);
        FileStat stat = FileStat.read(root.resolve("a.txt"), true);
        digests.digest(root, "a.txt", stat);
        digests.digest(root, "a.txt", stat);
        assertEquals(1, digests.hits());
    }

    @Test
    void forgetDropsTheEntry() throws IOException {
        write("a.txt", "alpha", LONG_AGO);
        var digests = new FileDigests(clock);
        digests.digest(root, "a.txt");
        digests.forget("a.txt");
        assertEquals(0, digests.size());
        digests.digest(root, "a.txt");
        assertEquals(2, digests.misses());
    }

    @Test
    void persistenceRoundTrip() throws IOException {
        write("a.txt", "alpha", LONG_AGO);
        write("dir/ü b.txt", "bravo", LONG_AGO);
        var digests = new FileDigests(clock);
        digests.digest(root, "a.txt");
        digests.digest(root, "dir/ü b.txt");
        Path file = root.resolve(".same/state/digests");
        digests.save(file);
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temp file left");
        }

        var loaded = FileDigests.load(file, clock);
        assertEquals(2, loaded.size());
        assertEquals(Digest.of("bravo"), loaded.digest(root, "dir/ü b.txt"));
        assertEquals(Digest.of("alpha"), loaded.digest(root, "a.txt"));
        assertEquals(2, loaded.hits());
        assertEquals(0, loaded.misses());
    }

    @Test
    void anUnchangedMemoryIsNotWrittenAgain() throws IOException {
        write("a.txt", "alpha", LONG_AGO);
        write("b.txt", "bravo", LONG_AGO);
        Path file = root.resolve(".same/state/digests");
        var digests = new FileDigests(clock);
        assertFalse(digests.saveIfChanged(file), "nothing learnt yet");
        digests.digest(root, "a.txt");
        assertTrue(digests.saveIfChanged(file));
        Files.delete(file);
        digests.digest(root, "a.txt"); // answered from memory: no change
        assertFalse(digests.saveIfChanged(file));
        assertFalse(Files.exists(file));
        digests.digest(root, "b.txt");
        assertTrue(digests.saveIfChanged(file));
        assertEquals(2, FileDigests.load(file, clock).size());

        var loaded = FileDigests.load(file, clock);
        loaded.digest(root, "a.txt");
        assertFalse(loaded.saveIfChanged(file), "what was loaded is on disk already");
        loaded.forget("a.txt");
        assertTrue(loaded.saveIfChanged(file));
        assertEquals(1, FileDigests.load(file, clock).size());

        loaded.clear(); // what 'same clean' does, after removing the file with the cache
        Files.delete(file);
        assertFalse(loaded.saveIfChanged(file), "an empty memory where no file is writes none");
        assertFalse(Files.exists(file));
        loaded.digest(root, "b.txt");
        assertTrue(loaded.saveIfChanged(file));
        loaded.clear();
        assertTrue(loaded.saveIfChanged(file), "an empty memory where a file is replaces it");
        assertEquals(0, FileDigests.load(file, clock).size());
    }

    @Test
    void corruptOrMissingFileGivesAnEmptyMemory() throws IOException {
        write("a.txt", "alpha", LONG_AGO);
        var digests = new FileDigests(clock);
        digests.digest(root, "a.txt");
        Path file = root.resolve("digests");
        digests.save(file);

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertEquals(List.of(file + " is damaged (its checksum does not match)"), ignored(file));

        Files.write(file, Arrays.copyOf(bytes, 30));
        assertEquals(List.of(file + " is damaged (its checksum does not match)"), ignored(file));
        Files.writeString(file, "garbage");
        assertEquals(List.of(file + " was written by another version of same"), ignored(file));
        Files.writeString(file, "same-file-digests\n2\n" + "x".repeat(64));
        assertEquals(List.of(file + " was written by another version of same"), ignored(file));
        assertEquals(List.of(), ignored(root.resolve("missing")), "a missing file is no news");
        assertEquals(1, ignored(root).size()); // a directory: unreadable
        assertTrue(ignored(root).getFirst().startsWith(root + " is unreadable"), ignored(root).toString());
    }

    /** Loads {@code file}, which must give an empty memory, and returns why it was ignored. */
    private List<String> ignored(Path file) {
        List<String> reasons = new ArrayList<>();
        assertEquals(0, FileDigests.load(file, clock, reasons::add).size());
        return reasons;
    }

    @Test
    void concurrentLookupsAgree() throws Exception {
        for (int i = 0; i < 200; i++) {
            write("f" + i, "content " + i, LONG_AGO);
        }
        var digests = new FileDigests(clock);
        try (var executor = Executors.newFixedThreadPool(4)) {
            var tasks = new ArrayList<Callable<Void>>();
            for (int t = 0; t < 4; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < 200; i++) {
                        assertEquals(Digest.of("content " + i), digests.digest(root, "f" + i));
                    }
                    return null;
                });
            }
            for (var future : executor.invokeAll(tasks)) {
                future.get();
            }
        }
        assertEquals(200, digests.size());
        assertEquals(800, digests.hits() + digests.misses());
        assertNotEquals(0, digests.hits());
    }

    /** File timestamps come from a coarse kernel clock (a few ms). */
    private static void sleepPastTimestampGranularity() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(String rel, String content, FileTime mtime) throws IOException {
        Path file = root.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, mtime);
    }

    static final class MutableClock implements InstantSource {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
