package dev.same.server.cache.remote;

import dev.same.server.cache.ActionRecord;
import dev.same.server.cache.CacheDirectory;
import dev.same.server.cache.ContentStore;
import dev.same.server.config.TaskDef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

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
     * The result of {@code task} with {@code hash}, if the server has it whole: its record is checked, every blob the
     * local store lacks is downloaded and verified into it, and the record is stored in the local action cache.
     * Empty when the server lacks the record or one of its blobs.
     *
     * @throws RemoteFailure  the server cannot be used
     * @throws RefusedContent the server's record or a blob must not be used
     * @throws IOException    writing to the local cache failed
     */
    Optional<RemoteHit> fetch(TaskDef task, String hash, CacheDirectory cache) throws IOException {
        long bytes = 0;
        try {
            Optional<byte[]> json = http.getRecord(RemoteRecord.key(hash), RemoteRecord.MAX_RECORD_BYTES);
            if (json.isEmpty()) {
                statistics.miss(0);
                return Optional.empty();
            }
            bytes += json.get().length;
            RemoteRecord remote = RemoteRecord.parse(json.get());
            ActionRecord record = remote.toActionRecord(task, hash);
            ContentStore store = cache.contentStore();
            for (RemoteRecord.Blob blob : remote.blobs()) {
                if (store.contains(blob.digest())) {
                    continue;
                }
                Path temp = store.newTempFile();
                try {
                    if (!http.getBlob(blob.digest(), blob.size(), temp)) {
                        statistics.miss(bytes);
                        return Optional.empty(); // the record outlived a blob: a miss, the task runs
                    }
                    bytes += Files.size(temp);
                    store.adopt(temp, blob.digest(), blob.size());
                } catch (ContentStore.CorruptBlob corrupt) {
                    throw new RefusedContent(corrupt.getMessage());
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            cache.actionCache().store(record);
            statistics.hit(bytes);
            return Optional.of(new RemoteHit(record, bytes));
        } catch (RemoteFailure | RefusedContent e) {
            statistics.error();
            statistics.miss(bytes);
            throw e;
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
                    http.putBlob(blob.digest(), store.blobPath(blob.digest()), blob.size());
                    sent += blob.size();
                }
            }
            byte[] json = remote.toJson();
            http.putRecord(key, json);
            statistics.uploaded(sent + json.length);
        } catch (IOException e) {
            statistics.error();
            throw e;
        }
    }
}
