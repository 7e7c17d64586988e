package dev.same.server.cache.remote;

import dev.same.protocol.RemoteCacheStatus;
import dev.same.server.config.RemoteCacheConfig;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The remote caches of one server: one HTTP client, the counters {@code daemon/status} shows, and the uploads still
 * running, which {@link #close} waits for (a bounded time) before the server ends.
 */
public final class RemoteCaches implements AutoCloseable {
    /** How long a stopping server waits for its uploads. */
    public static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(60);

    private final RemoteStatistics statistics = new RemoteStatistics();
    private final Uploads uploads = new Uploads();
    private final Consumer<String> log;
    private HttpClient client;
    private volatile RemoteEndpoint lastUsed;

    /** @param log where background work reports (the daemon's log; stderr in process) */
    public RemoteCaches(Consumer<String> log) {
        this.log = log;
    }

    /**
     * The remote cache a run uses, as the workfile's {@code config} and the caller's variables name it; empty when
     * they name none.
     *
     * @throws dev.same.server.SameException when a variable does not parse
     */
    public Optional<RemoteRun> forRun(RemoteCacheConfig config, Map<String, String> caller) {
        return RemoteEndpoint.resolve(config, caller).map(endpoint -> {
            lastUsed = endpoint;
            return new RemoteRun(new RemoteCache(new HttpCache(client(), endpoint), endpoint, statistics), uploads,
                    log);
        });
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpCache.newClient();
        }
        return client;
    }

    /** The counters since start; null while no run has used a remote cache. */
    public RemoteCacheStatus status() {
        RemoteEndpoint endpoint = lastUsed;
        if (endpoint == null) {
            return null;
        }
        return new RemoteCacheStatus(endpoint.base().toString(), endpoint.readOnly(), statistics.hits(),
                statistics.misses(), statistics.bytesDown(), statistics.bytesUp(), statistics.errors(),
                uploads.pending());
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
        synchronized (this) {
            if (client != null) {
                client.shutdownNow();
            }
        }
    }
}
