package dev.same.server.cache.remote;

import dev.same.protocol.RemoteCacheStatus;
import dev.same.server.config.RemoteCacheConfig;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The remote caches of one server: one HTTP client (its HTTP/1.1 connections kept alive and reused, see
 * {@link CacheHttpClient}), at most {@value #IN_FLIGHT} requests at once, the counters {@code daemon/status}
 * shows, and the uploads still running, which {@link #close} waits for (a bounded time) before the server ends.
 */
public final class RemoteCaches implements AutoCloseable {
    /** How long a stopping server waits for its uploads. */
    public static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(60);
    /** Requests to the servers at once, every run and upload together; fair, so the oldest waiting goes first. */
    static final int IN_FLIGHT = 16;

    private final RemoteStatistics statistics = new RemoteStatistics();
    private final Uploads uploads = new Uploads();
    private final Consumer<String> log;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT, true);
    private final AtomicReference<String> unreported = new AtomicReference<>();
    private final CacheHttpClient client = new CacheHttpClient(HttpCache.CONNECT_TIMEOUT);
    private volatile RemoteEndpoint lastUsed;
    private final Set<String> available = ConcurrentHashMap.newKeySet();
    private final Set<String> asking = ConcurrentHashMap.newKeySet();
    private static final int AT_MOST_ASKED = 1000;
    private static final int REMEMBERED = 100_000;

    /** @param log where background work reports (the daemon's log; stderr in process) */
    public RemoteCaches(Consumer<String> log) {
        this.log = log;
    }

    /**
     * The remote cache a run uses, as the workfile's {@code config} and the caller's variables name it; empty when
     * they name none. Its {@link RemoteRun#notices} tell of an upload that failed after its own run had ended.
     *
     * @throws dev.same.server.SameException when a variable does not parse
     */
    public Optional<RemoteRun> forRun(RemoteCacheConfig config, Map<String, String> caller) {
        return RemoteEndpoint.resolve(config, caller).map(endpoint -> {
            lastUsed = endpoint;
            String earlier = unreported.getAndSet(null);
            return new RemoteRun(new RemoteCache(new HttpCache(client, endpoint, inFlight), endpoint, statistics),
                    uploads, this::lateFailure, earlier == null ? List.of() : List.of(earlier));
        });
    }

    /** An upload that failed once its run had ended: in the log now, and told to the next run. */
    private void lateFailure(String failure) {
        log.accept("warning: " + failure);
        unreported.set(failure + " (after its run had ended)");
    }

    /**
     * Whether the remote cache is known to hold the result of this task hash: {@link #checkAvailable} found its
     * record there.
     */
    public boolean available(String hash) {
        return available.contains(hash);
    }

    /**
     * Asks the remote cache in the background whether it holds the results of these task hashes ({@code HEAD} of
     * each record), with the endpoint the last run used, else the one {@code config} and {@code environment} name;
     * calls {@code found} once if it holds any not known before. A failing server is not asked further this time.
     */
    public void checkAvailable(RemoteCacheConfig config, Map<String, String> environment, Collection<String> hashes,
                               Runnable found) {
        List<String> unknown = hashes.stream().filter(hash -> !available.contains(hash) && asking.add(hash))
                .limit(AT_MOST_ASKED).toList();
        if (unknown.isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("same-remote-availability").start(() -> {
            try {
                Optional<RemoteEndpoint> endpoint = Optional.ofNullable(lastUsed)
                        .or(() -> RemoteEndpoint.resolve(config, environment));
                if (endpoint.isEmpty()) {
                    return;
                }
                HttpCache http = new HttpCache(client, endpoint.get(), inFlight);
                boolean any = false;
                for (String hash : unknown) {
                    if (http.hasRecord(RemoteRecord.key(hash))) {
                        if (available.size() >= REMEMBERED) {
                            available.clear();
                        }
                        any |= available.add(hash);
                    }
                }
                if (any) {
                    found.run();
                }
            } catch (IOException | RuntimeException e) {
                // only a hint for `same status`; a run reports what is wrong with the server
            } finally {
                unknown.forEach(asking::remove);
            }
        });
    }

    /** The counters since start; null while no run has used a remote cache. */
    public RemoteCacheStatus status() {
        RemoteEndpoint endpoint = lastUsed;
        if (endpoint == null) {
            return null;
        }
        return new RemoteCacheStatus(endpoint.base().toString(), endpoint.readOnly(), statistics.hits(),
                statistics.misses(), statistics.bytesDown(), statistics.bytesUp(), statistics.errors(),
                uploads.pending(), statistics.failedUploads(), statistics.lastError());
    }

    /** Waits for the pending uploads, at most {@code timeout}; says in the log what it gives up. */
    public void flush(Duration timeout) {
        try {
            if (!uploads.awaitAll(timeout)) {
                log.accept("warning: " + uploads.pending() + " upload(s) to the remote cache did not finish within "
                        + timeout.toSeconds() + "s; they are dropped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        flush(FLUSH_TIMEOUT);
        client.close();
    }
}
