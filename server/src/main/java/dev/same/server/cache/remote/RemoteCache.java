package dev.same.server.cache.remote;

import dev.same.server.cache.ActionRecord;
import dev.same.server.cache.CacheDirectory;
import dev.same.server.cache.ContentStore;
import dev.same.server.config.TaskDef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** One remote cache: fetches a task's result into the local tier, and uploads a local result. */
final class RemoteCache {
    private final HttpCache http;
    private final RemoteEndpoint endpoint;
    private final RemoteStatistics statistics;

    RemoteCache(HttpCache http, RemoteEndpoint endpoint, RemoteStatistics statistics) {
        this.http = http;
        this.endpoint = endpoint;
        this.statistics = statistics;
    }

    RemoteEndpoint endpoint() {
        return endpoint;
    }

    /**
     * The result of {@code task} with {@code hash}, if the server has it whole: its record is checked, and every
     * blob the local store lacks is downloaded (all at once) and verified into the store. The record itself is not
     * stored yet: see {@link #keep}. Empty when the server lacks the record or one of its blobs.
     *
     * @throws RemoteFailure  the server cannot be used
     * @throws RefusedContent the server's record or a blob must not be used
     * @throws IOException    writing to the local store failed
     */
    Optional<RemoteHit> download(TaskDef task, String hash, ContentStore store) throws IOException {
        Optional<byte[]> json = http.getRecord(RemoteRecord.key(hash), RemoteRecord.MAX_RECORD_BYTES);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        statistics.downloaded(json.get().length);
        RemoteRecord remote = RemoteRecord.parse(json.get());
        ActionRecord record = remote.toActionRecord(task, hash);
        List<RemoteRecord.Blob> missing = new ArrayList<>();
        for (RemoteRecord.Blob blob : remote.blobs().stream().distinct().toList()) {
            if (!store.contains(blob.digest())) {
                Optional<byte[]> inlined = remote.inlined(blob);
                if (inlined.isPresent()) {
                    store.put(inlined.get());
                } else {
                    missing.add(blob);
                }
            }
        }
        OptionalLong bytes = downloadAll(missing, store);
        if (bytes.isEmpty()) {
            return Optional.empty(); // the record outlived a blob: a miss, the task runs
        }
        return Optional.of(new RemoteHit(record, json.get().length + bytes.getAsLong()));
    }

    /** Stores a downloaded result in the local action cache and counts it; an empty one counts as a miss. */
    Optional<RemoteHit> keep(Optional<RemoteHit> downloaded, CacheDirectory cache) throws IOException {
        if (downloaded.isEmpty()) {
            statistics.miss();
            return downloaded;
        }
        cache.actionCache().store(downloaded.get().record());
        statistics.hit();
        return downloaded;
    }

    /** Counts a fetch that failed: an error, and a miss (the task runs). */
    void failed(IOException e) {
        statistics.error(e.getMessage());
        statistics.miss();
    }

    /** The bytes of the blobs, each downloaded and adopted into the store; empty when the server lacks one. */
    private OptionalLong downloadAll(List<RemoteRecord.Blob> blobs, ContentStore store) throws IOException {
        if (blobs.size() <= 1) {
            return blobs.isEmpty() ? OptionalLong.of(0) : downloadOne(blobs.getFirst(), store);
        }
        List<Future<OptionalLong>> downloads = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (RemoteRecord.Blob blob : blobs) {
                downloads.add(threads.submit(() -> downloadOne(blob, store)));
            }
        }
        long bytes = 0;
        for (Future<OptionalLong> download : downloads) {
            OptionalLong one = outcome(download);
            if (one.isEmpty()) {
                return one;
            }
            bytes += one.getAsLong();
        }
        return OptionalLong.of(bytes);
    }

    /** What a download on another thread came to, its failure thrown here; bounded, as every request has a deadline. */
    static <T> T outcome(Future<T> done) throws IOException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailure("interrupted while downloading");
        }
    }

    private OptionalLong downloadOne(RemoteRecord.Blob blob, ContentStore store) throws IOException {
        Path temp = store.newTempFile();
        try {
            if (!http.getBlob(blob.digest(), blob.size(), temp)) {
                return OptionalLong.empty();
            }
            long bytes = Files.size(temp);
            statistics.downloaded(bytes);
            store.adopt(temp, blob.digest(), blob.size());
            return OptionalLong.of(bytes);
        } catch (ContentStore.CorruptBlob corrupt) {
            throw new RefusedContent(corrupt.getMessage());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Uploads a local result: each blob the server lacks ({@code HEAD} first), then the record, unless it has it. */
    void upload(ActionRecord record, ContentStore store) throws IOException {
        try {
            String key = RemoteRecord.key(record.hash());
            if (http.hasRecord(key)) {
                return;
            }
            RemoteRecord remote = RemoteRecord.of(record, store);
            long sent = 0;
            Set<String> done = new HashSet<>();
            for (RemoteRecord.Blob blob : remote.blobs()) {
                if (done.add(blob.digest()) && !http.hasBlob(blob.digest())) {
                    http.putBlob(blob.digest(), store.blobPath(blob.digest()));
                    sent += blob.size();
                }
            }
            byte[] json = remote.toJson();
            http.putRecord(key, json);
            statistics.uploaded(sent + json.length);
        } catch (IOException e) {
            statistics.uploadFailed(e.getMessage());
            throw e;
        }
    }
}
