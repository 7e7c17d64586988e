package dev.same.server.cache.remote;

import dev.same.server.cache.ActionRecord;
import dev.same.server.cache.ContentStore;
import dev.same.server.cache.OutputEntry;
import dev.same.server.config.TaskDef;
import dev.same.server.hash.Digest;
import dev.same.server.hash.InputFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A task's result as the remote cache holds it under {@code ac/<key>}: JSON naming every output (path, type, mode,
 * digest, size) and the log's blob, which live under {@code cas/<sha256>}. A record read from a server is checked
 * before anything it names is fetched: see {@link #toActionRecord}.
 *
 * <p>Small blobs also travel inside the record ({@code inline}, as Bazel's action results inline small outputs), so
 * a typical task's hit is one request, not three. They are uploaded under {@code cas/} all the same, for readers
 * that ignore {@code inline}; an inline copy is checked against its digest and size like any download.
 *
 * <p>Fields that are null are left out of the JSON ({@link RemoteRecordJson}).
 *
 * @param format  {@value #FORMAT}
 * @param log     the captured output; null when the task printed nothing
 * @param inline  the contents of small blobs, base64, by digest; null when none
 */
record RemoteRecord(String format, String task, String hash, List<Output> outputs, Blob log, long durationMillis,
                    List<InputFile> inputs, SortedMap<String, String> dependencyHashes,
                    SortedMap<String, String> environment, SortedMap<String, String> inline) {
    static final String FORMAT = "same-remote-record/1";
    /** A record is small (paths and digests); more than this is not one. */
    static final long MAX_RECORD_BYTES = 16 << 20;
    /** The largest output file fetched. */
    static final long MAX_BLOB_BYTES = 8L << 30;
    /** The largest log fetched (a log is replayed from memory). */
    static final long MAX_LOG_BYTES = 256 << 20;
    /** A blob this small goes inside the record too... */
    static final long INLINE_BLOB_BYTES = 16 << 10;
    /** ...while the record's inlined blobs stay under this, together. */
    static final long INLINE_TOTAL_BYTES = 256 << 10;

    /**
     * @param type   file, directory or symlink
     * @param mode   a file's permissions in octal, "0755" or "0644" (only the execute bit is restored)
     * @param target a symlink's target, as written
     */
        record Output(String path, String type, String mode, String digest, Long size, String target) {
    }

    record Blob(String digest, long size) {
    }

    /** The key of a task's record: derived from its hash, so same's records never meet another tool's. */
    static String key(String hash) {
        return Digest.of(FORMAT + "\n" + hash);
    }

    /** The record of a local one; the sizes are read from the store, which holds every blob it names. */
    static RemoteRecord of(ActionRecord record, ContentStore store) throws IOException {
        List<Output> outputs = new ArrayList<>();
        for (OutputEntry entry : record.outputs()) {
            outputs.add(switch (entry.kind()) {
                case FILE -> new Output(entry.path(), "file", entry.executable() ? "0755" : "0644", entry.digest(),
                        store.size(entry.digest()), null);
                case DIRECTORY -> new Output(entry.path(), "directory", null, null, null, null);
                case SYMLINK -> new Output(entry.path(), "symlink", null, null, null, entry.linkTarget());
            });
        }
        Blob log = record.logDigest() == null ? null : new Blob(record.logDigest(), store.size(record.logDigest()));
        RemoteRecord remote = new RemoteRecord(FORMAT, record.taskId(), record.hash(), outputs, log,
                record.durationMillis(), record.inputs(), record.dependencyHashes(), record.environment(), null);
        SortedMap<String, String> inline = new TreeMap<>();
        long inlined = 0;
        for (Blob blob : remote.blobs()) {
            if (blob.size() <= INLINE_BLOB_BYTES && inlined + blob.size() <= INLINE_TOTAL_BYTES
                    && !inline.containsKey(blob.digest())) {
                inline.put(blob.digest(), Base64.getEncoder().encodeToString(store.read(blob.digest())));
                inlined += blob.size();
            }
        }
        return inline.isEmpty() ? remote : new RemoteRecord(FORMAT, record.taskId(), record.hash(), outputs, log,
                record.durationMillis(), record.inputs(), record.dependencyHashes(), record.environment(), inline);
    }

    /**
     * The content of {@code blob} carried inside this record, checked against its size and digest; empty when the
     * record carries none.
     *
     * @throws RefusedContent the inline copy is not the blob it claims to be
     */
    Optional<byte[]> inlined(Blob blob) throws RefusedContent {
        String encoded = inline == null ? null : inline.get(blob.digest());
        if (encoded == null) {
            return Optional.empty();
        }
        byte[] content;
        try {
            content = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new RefusedContent("blob " + blob.digest() + " inline in the record is not base64");
        }
        if (content.length != blob.size() || !Digest.of(content).equals(blob.digest())) {
            throw new RefusedContent("blob " + blob.digest() + " inline in the record does not match its digest and "
                    + "size");
        }
        return Optional.of(content);
    }

    byte[] toJson() {
        return RemoteRecordJson.write(this);
    }

    static RemoteRecord parse(byte[] json) throws RefusedContent {
        try {
            RemoteRecord record = RemoteRecordJson.read(json);
            if (record == null) {
                throw new RefusedContent("the record is empty");
            }
            return record;
        } catch (IOException e) {
            throw new RefusedContent("the record is not valid JSON");
        }
    }

    /** Every blob the record names (outputs, then the log), each with its size. */
    List<Blob> blobs() {
        List<Blob> blobs = new ArrayList<>();
        outputs.stream().filter(o -> o.type().equals("file")).forEach(o -> blobs.add(new Blob(o.digest(), o.size())));
        if (log != null) {
            blobs.add(log);
        }
        return blobs;
    }

    /**
     * The local record this one stands for, once it is checked to be one of {@code task} with {@code hash}, and to
     * write nowhere but inside the task's targets: every output path below one of them, no symlink leading out of
     * the workspace, every digest and size well-formed and within bounds.
     *
     * @throws RefusedContent naming the first thing wrong
     */
    ActionRecord toActionRecord(TaskDef task, String hash) throws RefusedContent {
        if (!FORMAT.equals(format)) {
            throw new RefusedContent("unknown record format '" + format + "'");
        }
        if (!task.id().equals(this.task) || !hash.equals(this.hash)) {
            throw new RefusedContent("the record is for " + this.task + " " + this.hash + ", not " + task.id());
        }
        if (outputs == null || inputs == null || dependencyHashes == null || environment == null) {
            throw new RefusedContent("the record is incomplete");
        }
        List<OutputEntry> entries = new ArrayList<>();
        for (Output output : outputs) {
            entries.add(entry(output, task));
        }
        if (log != null) {
            checkBlob(log.digest(), log.size(), MAX_LOG_BYTES, "log");
        }
        for (InputFile input : inputs) {
            if (input == null || input.path() == null || !Digest.isValid(input.digest())) {
                throw new RefusedContent("the record names a malformed input");
            }
        }
        ActionRecord record = new ActionRecord(ActionRecord.FORMAT, task.id(), hash, entries,
                log == null ? null : log.digest(), Math.max(0, durationMillis), Instant.now(), inputs,
                dependencyHashes, environment);
        if (!record.wellFormed()) {
            throw new RefusedContent("the record is malformed");
        }
        return record;
    }

    private static OutputEntry entry(Output output, TaskDef task) throws RefusedContent {
        if (output == null || output.path() == null || output.type() == null) {
            throw new RefusedContent("the record names a malformed output");
        }
        String path = output.path();
        if (!insideTargets(path, task.targets())) {
            throw new RefusedContent("the record names " + quoted(path) + ", outside the task's targets");
        }
        OutputEntry entry = switch (output.type()) {
            case "file" -> {
                checkBlob(output.digest(), output.size() == null ? -1 : output.size(), MAX_BLOB_BYTES, path);
                yield OutputEntry.file(path, output.digest(), executable(output.mode()));
            }
            case "directory" -> OutputEntry.directory(path);
            case "symlink" -> {
                if (output.target() == null || !linkStaysInside(path, output.target())) {
                    throw new RefusedContent("the record links " + quoted(path) + " to "
                            + quoted(String.valueOf(output.target())) + ", outside the workspace");
                }
                yield OutputEntry.symlink(path, output.target());
            }
            default -> throw new RefusedContent("the record names " + quoted(path) + " of unknown type "
                    + quoted(output.type()));
        };
        if (!entry.wellFormed()) {
            throw new RefusedContent("the record names a malformed path " + quoted(path));
        }
        return entry;
    }

    private static void checkBlob(String digest, long size, long limit, String what) throws RefusedContent {
        if (!Digest.isValid(digest) || size < 0) {
            throw new RefusedContent("the record gives " + quoted(what) + " no valid digest and size");
        }
        if (size > limit) {
            throw new RefusedContent("the record gives " + quoted(what) + " " + size + " bytes, more than the "
                    + limit + " fetched at most");
        }
    }

    private static boolean executable(String mode) throws RefusedContent {
        try {
            return mode != null && (Integer.parseInt(mode, 8) & 0100) != 0;
        } catch (NumberFormatException e) {
            throw new RefusedContent("the record gives a file the mode " + quoted(mode));
        }
    }

    static boolean insideTargets(String path, List<String> targets) {
        return targets.stream().anyMatch(target -> path.equals(target) || path.startsWith(target + "/"));
    }

    /** Whether a link at {@code path} (root-relative) to {@code target} resolves inside the root, lexically. */
    static boolean linkStaysInside(String path, String target) {
        if (target.isEmpty() || target.startsWith("/")) {
            return false;
        }
        Path parent = Path.of(path).getParent();
        Path resolved = (parent == null ? Path.of("") : parent).resolve(target).normalize();
        return !resolved.startsWith("..") && !resolved.isAbsolute();
    }

    /** A path from a server, quoted and cut short, so a hostile one cannot flood or garble a message. */
    private static String quoted(String text) {
        String cut = text.length() > 200 ? text.substring(0, 200) + "…" : text;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
