package dev.same.server.hash;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Thread-safe memory of file digests, keyed by root-relative path and validated by the file's
 * {@link FileStat} (size, mtime, inode, ctime): a file is read only when its stat changed.
 *
 * <p>Racy-clean protection, as in git: a file changed (mtime or ctime) within {@link #RACY_WINDOW}
 * before it was hashed may be written again with the same size and timestamps (they are coarse),
 * so such an entry is re-hashed on its next lookup instead of being trusted.
 */
public final class FileDigests {
    public static final Duration RACY_WINDOW = Duration.ofSeconds(2);

    private static final byte[] MAGIC = "same-file-digests\n1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_LENGTH = 32;

    private record Entry(FileStat stat, String digest, long hashedAtNanos) {
        boolean trusted(FileStat current) {
            long lastChange = Math.max(stat.mtimeNanos(), stat.ctimeNanos());
            return stat.equals(current) && lastChange <= hashedAtNanos - RACY_WINDOW.toNanos();
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    /** Counts changes to the entries, so an unchanged memory is not written again. */
    private final AtomicLong changes = new AtomicLong();
    private volatile long savedChanges;

    public FileDigests() {
        this(InstantSource.system());
    }

    public FileDigests(InstantSource clock) {
        this.clock = clock;
    }

    /** The digest of {@code root/relPath} (a symlink is followed); reads the file only if needed. */
    public String digest(Path root, String relPath) throws IOException {
        return lookup(root, relPath, FileStat.read(root.resolve(relPath), true));
    }

    /**
     * Like {@link #digest(Path, String)} with a stat the caller made before this call (for
     * example while walking a directory). The stat must be taken before the read: then a
     * concurrent write leaves a stale stat in memory, which the next lookup sees as changed.
     */
    public String digest(Path root, String relPath, FileStat stat) throws IOException {
        return lookup(root, relPath, stat);
    }

    private String lookup(Path root, String relPath, FileStat stat) throws IOException {
        Entry known = entries.get(relPath);
        if (known != null && known.trusted(stat)) {
            hits.increment();
            return known.digest();
        }
        misses.increment();
        long hashedAt = nanos(clock);
        String digest = Digest.ofFile(root.resolve(relPath));
        entries.put(relPath, new Entry(stat, digest, hashedAt));
        changes.incrementAndGet();
        return digest;
    }

    public void forget(String relPath) {
        if (entries.remove(relPath) != null) {
            changes.incrementAndGet();
        }
    }

    public void clear() {
        entries.clear();
        changes.incrementAndGet();
    }

    public int size() {
        return entries.size();
    }

    /** Lookups answered from memory. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that read the file (unknown, changed or racy). */
    public long misses() {
        return misses.sum();
    }

    /** Reads a memory saved by {@link #save}; a missing, unreadable or corrupt file gives an empty memory. */
    public static FileDigests load(Path file) {
        return load(file, InstantSource.system());
    }

    public static FileDigests load(Path file, InstantSource clock) {
        return load(file, clock, reason -> { });
    }

    /**
     * As the others, telling {@code ignored} why a file that exists was not used (written by another version of
     * same, damaged, unreadable): such a file is never trusted, and every file is hashed again.
     */
    public static FileDigests load(Path file, InstantSource clock, Consumer<String> ignored) {
        FileDigests digests = new FileDigests(clock);
        Optional<DataInputStream> payload = ChecksummedFile.read(file, MAGIC, ignored);
        if (payload.isEmpty()) {
            return digests;
        }
        try {
            DataInputStream in = payload.get();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String path = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                FileStat stat = new FileStat(FileStat.Type.FILE, in.readLong(), in.readLong(), in.readLong(), in.readLong());
                long hashedAt = in.readLong();
                String digest = Digest.hex(in.readNBytes(DIGEST_LENGTH));
                digests.entries.put(path, new Entry(stat, digest, hashedAt));
            }
            return digests;
        } catch (IOException | RuntimeException e) {
            ignored.accept(file + " is damaged (" + e + ")");
            return new FileDigests(clock);
        }
    }

    /**
     * Writes the memory like {@link #save} if it changed since it was loaded or last saved (a warm run changes
     * nothing, and at 100,000 files the memory is megabytes), and is not empty where no file is; returns whether
     * it wrote.
     */
    public boolean saveIfChanged(Path file) throws IOException {
        long seen = changes.get(); // read before the snapshot: a change after it is saved by the next call
        if (seen == savedChanges) {
            return false;
        }
        if (entries.isEmpty() && !Files.exists(file)) { // as good as no file: a 'same clean' leaves none behind
            savedChanges = seen;
            return false;
        }
        save(file);
        savedChanges = seen;
        return true;
    }

    /** Writes the memory atomically (see {@link ChecksummedFile}). */
    public void save(Path file) throws IOException {
        var buffer = new ByteArrayOutputStream(64 + entries.size() * 128);
        var out = new DataOutputStream(buffer);
        var snapshot = Map.copyOf(entries);
        out.writeInt(snapshot.size());
        for (var e : snapshot.entrySet()) {
            byte[] path = e.getKey().getBytes(StandardCharsets.UTF_8);
            Entry entry = e.getValue();
            out.writeInt(path.length);
            out.write(path);
            out.writeLong(entry.stat().size());
            out.writeLong(entry.stat().mtimeNanos());
            out.writeLong(entry.stat().inode());
            out.writeLong(entry.stat().ctimeNanos());
            out.writeLong(entry.hashedAtNanos());
            out.write(Digest.unhex(entry.digest()));
        }
        out.flush();
        ChecksummedFile.write(file, MAGIC, buffer.toByteArray());
    }

    private static long nanos(InstantSource clock) {
        var now = clock.instant();
        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }
}
