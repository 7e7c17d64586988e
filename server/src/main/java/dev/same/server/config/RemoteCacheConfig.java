package dev.same.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * {@code cache: { remote: { url, readOnly } }} of a {@code same.work.yaml}: a shared cache over Bazel's HTTP cache
 * protocol. Credentials are never part of it (they come from the caller's environment or {@code ~/.netrc}).
 *
 * @param url      the base URL, http or https, without user information
 * @param readOnly read from it, never upload to it
 */
public record RemoteCacheConfig(URI url, boolean readOnly) {
    /** What is wrong with {@code url} as a remote cache's; null when nothing is. */
    public static String problem(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return "use an absolute http or https URL";
            }
            if (uri.getRawUserInfo() != null) {
                return "credentials do not belong in the URL; use SAME_REMOTE_CACHE_TOKEN or ~/.netrc";
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return "a base URL has no query or fragment";
            }
            return null;
        } catch (URISyntaxException e) {
            return "use an absolute http or https URL";
        }
    }

    /** The URL without its user information, for messages. */
    public static String redacted(String url) {
        return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1***@");
    }
}
