package dev.same.server.cache.remote;

import dev.same.protocol.client.SameSettings;
import dev.same.protocol.client.UserError;
import dev.same.server.SameException;
import dev.same.server.config.RemoteCacheConfig;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The remote cache one run uses: the workfile's {@code cache.remote}, overridden by the caller's
 * {@code SAME_REMOTE_CACHE_URL} and {@code SAME_REMOTE_CACHE_READ_ONLY}, with the caller's credentials.
 *
 * @param base base URL, without a trailing '/'
 */
public record RemoteEndpoint(URI base, boolean readOnly, Credentials credentials) {

    /** Empty when neither the workfile nor the caller names a remote cache. */
    public static Optional<RemoteEndpoint> resolve(RemoteCacheConfig config, Map<String, String> caller) {
        SameSettings settings;
        try {
            settings = SameSettings.from(caller);
        } catch (UserError e) {
            throw new SameException(e.getMessage(), e.context());
        }
        URI url = settings.remoteCacheUrl() != null ? settings.remoteCacheUrl() : config == null ? null : config.url();
        if (url == null) {
            return Optional.empty();
        }
        String problem = RemoteCacheConfig.problem(url.toString());
        if (problem != null) {
            throw new SameException("invalid " + SameSettings.REMOTE_CACHE_URL + " '"
                    + RemoteCacheConfig.redacted(url.toString()) + "': " + problem);
        }
        boolean readOnly = settings.remoteCacheReadOnly() != null ? settings.remoteCacheReadOnly()
                : config != null && config.readOnly();
        String base = url.toString().replaceAll("/+$", "");
        return Optional.of(new RemoteEndpoint(URI.create(base), readOnly,
                Credentials.of(url.getHost(), caller.get(SameSettings.REMOTE_CACHE_TOKEN), caller)));
    }

    URI record(String key) {
        return URI.create(base + "/ac/" + key);
    }

    URI blob(String digest) {
        return URI.create(base + "/cas/" + digest);
    }

    /** Names what it talks to, never how it authenticates. */
    @Override
    public String toString() {
        return base + (readOnly ? " (read-only)" : "");
    }
}
