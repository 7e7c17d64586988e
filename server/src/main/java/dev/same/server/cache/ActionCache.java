package dev.same.server.cache;

import dev.same.server.hash.Digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Action records: {@code <dir>/actions/<first 2 hex>/<hash>.json}, keyed by task hash only, so a
 * task has one record per state it was ever built in. {@code <dir>/last/<task id, escaped>} holds
 * the hash of each task's most recent successful run.
 */
public final class ActionCache {
    /** Beyond this many remembered records the memory starts over, so it stays small. */
    private static final int REMEMBERED = 50_000;

    private final Path actionsDir;
    private final Path lastDir;
    private final ContentStore store;
    /**
     * Records read or written before, by hash. A record never changes once written (the hash is its key), so a
     * remembered one is as good as the file while the file exists: a lookup costs one stat instead of reading
     * and parsing JSON, which is most of a warm run's work in a daemon. Existence is still checked on disk,
     * so a cache cleaned by another process is seen at once.
     */
    private final Map<String, ActionRecord> remembered = new ConcurrentHashMap<>();

    /** @param dir the cache directory ({@code .same/cache}); {@code store} holds the content records point at */
    public ActionCache(Path dir, ContentStore store) {
        this.actionsDir = dir.resolve("actions");
        this.lastDir = dir.resolve("last");
        this.store = store;
    }

    /** The record of a successful run with this hash; a damaged record counts as a miss and is removed. */
    public Optional<ActionRecord> lookup(String hash) {
        Path file = recordPath(hash);
        ActionRecord known = remembered.get(hash);
        if (known != null) {
            if (Files.exists(file)) {
                return Optional.of(known);
            }
            remembered.remove(hash);
            return Optional.empty();
        }
        try {
            ActionRecord record = ActionRecordJson.read(Files.readAllBytes(file));
            if (record != null && record.wellFormed() && record.hash().equals(hash)) {
                remember(record);
                return Optional.of(record);
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // unreadable or damaged: fall through and drop it
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // cannot remove it either: it stays a miss
        }
        return Optional.empty();
    }

    /**
     * Records a successful run and makes it its task's last successful one. Everything the record
     * points at must already be in the content store, so no record ever points at missing content.
     *
     * @throws IllegalStateException when some content is missing from the store
     */
    public void store(ActionRecord record) throws IOException {
        if (!record.wellFormed()) {
            throw new IllegalArgumentException("incomplete action record for " + record.taskId());
        }
        List<String> missing = missingContent(record);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("cannot record " + record.taskId() + ": content missing from the store: " + missing);
        }
        AtomicFiles.write(recordPath(record.hash()), ActionRecordJson.write(record));
        AtomicFiles.write(lastPath(record.taskId()), record.hash().getBytes(StandardCharsets.US_ASCII));
        remember(record);
    }

    private void remember(ActionRecord record) {
        if (remembered.size() >= REMEMBERED) {
            remembered.clear();
        }
        remembered.put(record.hash(), record);
    }

    /** The task's most recent successful run, if its record is still there. */
    public Optional<ActionRecord> lastSuccessful(String taskId) {
        try {
            String hash = Files.readString(lastPath(taskId), StandardCharsets.US_ASCII).strip();
            if (!Digest.isValid(hash)) {
                return Optional.empty();
            }
            return lookup(hash).filter(record -> record.taskId().equals(taskId));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Digests the record names that the content store does not hold. */
    public List<String> missingContent(ActionRecord record) {
        var missing = new ArrayList<String>();
        for (OutputEntry output : record.outputs()) {
            if (output.kind() == OutputEntry.Kind.FILE && !store.contains(output.digest())) {
                missing.add(output.digest());
            }
        }
        if (record.logDigest() != null && !store.contains(record.logDigest())) {
            missing.add(record.logDigest());
        }
        return missing;
    }

    Path recordPath(String hash) {
        if (!Digest.isValid(hash)) {
            throw new IllegalArgumentException("not a task hash: " + hash);
        }
        return actionsDir.resolve(hash.substring(0, 2)).resolve(hash + ".json");
    }

    Path lastPath(String taskId) {
        return lastDir.resolve(fileName(taskId));
    }

    /** Task id as a file name: letters, digits, '-' and '_' kept, every other byte as %XX, so two ids never collide. */
    static String fileName(String taskId) {
        var name = new StringBuilder();
        for (byte b : taskId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                name.append(c);
            } else {
                name.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return name.toString();
    }
}
