package dev.same.server.cache.remote;

import java.io.IOException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/** The remote cache client's connections: opened plain or TLS, and kept alive between requests, by server. */
final class ConnectionPool implements AutoCloseable {
    /** Longer unused, a kept-alive connection is closed rather than reused: servers close theirs after 5-75 s. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_IDLE_PER_SERVER = 32;

    private final int connectMillis;
    private final Map<Origin, Deque<HttpConnection>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private SSLSocketFactory tls;

    /** @param tls the factory of TLS connections; null for the JDK's default, made at the first {@code https} use */
    ConnectionPool(Duration connectTimeout, SSLSocketFactory tls) {
        this.connectMillis = Math.toIntExact(connectTimeout.toMillis());
        this.tls = tls;
    }

    /** A kept-alive connection to the server that is still fit for use, else a new one. */
    HttpConnection take(Origin origin, long deadlineNanos) throws IOException {
        Deque<HttpConnection> kept = idle.get(origin);
        if (kept != null) {
            long now = System.nanoTime();
            for (HttpConnection connection; (connection = kept.pollLast()) != null; ) {
                if (!connection.idleLongerThan(IDLE_TIMEOUT.toNanos(), now) && connection.quiet()) {
                    return connection;
                }
                connection.close();
            }
        }
        return open(origin, deadlineNanos);
    }

    /** A new connection, made within the connect timeout and before the deadline. */
    HttpConnection open(Origin origin, long deadlineNanos) throws IOException {
        return HttpConnection.open(origin.host(), origin.port(), origin.tls() ? tls() : null, connectMillis,
                deadlineNanos);
    }

    /** Keeps a connection for the next request to its server; closes those idle for too long. */
    void giveBack(Origin origin, HttpConnection connection) {
        Deque<HttpConnection> kept = idle.computeIfAbsent(origin, any -> new ConcurrentLinkedDeque<>());
        if (closed || kept.size() >= MAX_IDLE_PER_SERVER) {
            connection.close();
            return;
        }
        kept.addLast(connection);
        long now = System.nanoTime();
        for (HttpConnection oldest; (oldest = kept.peekFirst()) != null
                && oldest.idleLongerThan(IDLE_TIMEOUT.toNanos(), now); ) {
            if (kept.remove(oldest)) {
                oldest.close();
            }
        }
        if (closed) {
            closeIdle();
        }
    }

    private synchronized SSLSocketFactory tls() throws IOException {
        if (tls == null) {
            try {
                tls = SSLContext.getDefault().getSocketFactory();
            } catch (NoSuchAlgorithmException e) {
                throw new IOException("no TLS in this JDK: " + e.getMessage(), e);
            }
        }
        return tls;
    }

    /** Closes the kept connections; one in use is closed when it comes back. */
    @Override
    public void close() {
        closed = true;
        closeIdle();
    }

    private void closeIdle() {
        for (Deque<HttpConnection> kept : idle.values()) {
            for (HttpConnection connection; (connection = kept.poll()) != null; ) {
                connection.close();
            }
        }
    }

    /** Where a request goes: the host to connect to (an IPv6 address without its brackets), port and scheme. */
    record Origin(String host, int port, boolean tls) {
        static Origin of(URI uri) {
            boolean tls = !"http".equalsIgnoreCase(uri.getScheme());
            String host = uri.getHost();
            if (host == null) {
                throw new IllegalArgumentException("no host in " + uri);
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return new Origin(host, uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80, tls);
        }
    }
}
