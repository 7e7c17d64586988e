package dev.same.server.cache.remote;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocketFactory;

/**
 * The HTTP/1.1 client of the remote cache: blocking exchanges on kept-alive connections, plain or TLS (the JDK's
 * trust), each read whole before a deadline. It exists because the JDK's {@code java.net.http} client costs a cold
 * JVM far more than the exchanges themselves: 400 small {@code GET}s from nginx on loopback took 510-570 ms with
 * it and 76-89 ms with a plain socket, in a fresh JVM on this project's 2-core VM. A clean machine restoring from
 * the remote cache is such a JVM. Only what a cache server's answers need is here: fixed-length, chunked and
 * close-delimited bodies, interim answers, {@code Connection: close}; no redirects, proxies, cookies or HTTP/2.
 */
final class CacheHttpClient implements AutoCloseable {
    /** How much longer than its deadline a caller waits for an exchange handed to another thread. */
    private static final Duration HAND_OVER_GRACE = Duration.ofSeconds(1);

    /** A request's body: its length, and its bytes from the start each time it is sent. */
    interface Body {
        long length();

        InputStream open() throws IOException;

        static Body of(byte[] bytes) {
            return new Body() {
                public long length() {
                    return bytes.length;
                }

                public InputStream open() {
                    return new ByteArrayInputStream(bytes);
                }
            };
        }

        /** A file's content, as long as it was when this was made. */
        static Body of(Path file) throws IOException {
            long length = Files.size(file);
            return new Body() {
                public long length() {
                    return length;
                }

                public InputStream open() throws IOException {
                    return Files.newInputStream(file);
                }
            };
        }
    }

    /** Where a successful answer's body goes, opened only for one. */
    interface Sink {
        OutputStream open() throws IOException;
    }

    /** @param authorization the {@code Authorization} header's value, or null; @param body null for none */
    record Request(String method, URI uri, String authorization, Body body) {
    }

    /** A successful answer's body is longer than the caller allows. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the answer is larger than " + limit + " bytes");
        }
    }

    /** The authorization would not be one header line; the message never quotes it. */
    static final class InvalidHeader extends IllegalArgumentException {
        InvalidHeader() {
            super("the authorization is not a valid header value");
        }
    }

    /** What to upload could not be read whole: the request is abandoned, never tried again. */
    static final class LocalContentFailure extends IOException {
        LocalContentFailure(String message) {
            super(message);
        }
    }

    /** No connection to the server could be made; the cause says why. */
    static final class NoConnection extends IOException {
        NoConnection(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final ConnectionPool pool;
    /**
     * The threads exchanges run on when asked from a virtual thread. A virtual thread waiting for a socket starts
     * the JDK's poller thread, which then waits in native code for good, and a JVM's exit waits up to 300 ms for
     * threads in native code: every command run in process would end that much later.
     */
    private final ExecutorService exchanges = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("same-remote-http-", 0).factory());

    /** A client whose TLS connections trust what the JDK trusts. */
    CacheHttpClient(Duration connectTimeout) {
        this(connectTimeout, null);
    }

    /** @param tls the factory of TLS connections; null for the JDK's default, made at the first {@code https} use */
    CacheHttpClient(Duration connectTimeout, SSLSocketFactory tls) {
        this.pool = new ConnectionPool(connectTimeout, tls);
    }

    /**
     * Sends {@code request} and reads its answer whole before {@code deadlineNanos} ({@link System#nanoTime}): the
     * body of a 200 answer into {@code ok}, at most {@code limit} bytes, any other body thrown away. A kept-alive
     * connection that the server closed meanwhile is replaced once. Returns the answer's status.
     *
     * @throws TooLarge      the 200 answer's body is longer than {@code limit}
     * @throws InvalidHeader the authorization is not a valid header value
     */
    int send(Request request, Sink ok, long limit, long deadlineNanos) throws IOException {
        if (!Thread.currentThread().isVirtual()) {
            return sendHere(request, ok, limit, deadlineNanos, null);
        }
        InUse inUse = new InUse();
        Future<Integer> exchange;
        try {
            exchange = exchanges.submit(() -> sendHere(request, ok, limit, deadlineNanos, inUse));
        } catch (RejectedExecutionException closed) {
            // not on this virtual thread: that would start the JDK's poller (see exchanges)
            throw new IOException("the remote cache's client is closed");
        }
        try {
            // bounded even where the exchange's own bounds do not reach (a name lookup that hangs)
            return exchange.get(Math.max(0, deadlineNanos - System.nanoTime()) + HAND_OVER_GRACE.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            inUse.abandon();
            throw HttpConnection.timedOut();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        } catch (InterruptedException e) {
            inUse.abandon(); // a cancelled run: its exchange ends now, not at its deadline
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /** The connection of an exchange handed to another thread, which its caller may abandon. */
    private static final class InUse {
        private HttpConnection connection;
        private boolean abandoned;

        synchronized void use(HttpConnection next) throws InterruptedIOException {
            if (abandoned) {
                next.close();
                throw new InterruptedIOException("abandoned by its caller");
            }
            connection = next;
        }

        synchronized void abandon() {
            abandoned = true;
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** @param inUse told of each connection used, when a caller on another thread may abandon the exchange */
    private int sendHere(Request request, Sink ok, long limit, long deadlineNanos, InUse inUse) throws IOException {
        String head = head(request);
        ConnectionPool.Origin origin = ConnectionPool.Origin.of(request.uri());
        HttpConnection connection = pool.take(origin, deadlineNanos);
        if (inUse != null) {
            inUse.use(connection);
        }
        try {
            return exchange(origin, connection, head, request, ok, limit, deadlineNanos);
        } catch (IOException e) {
            connection.close();
            if (!connection.reused() || connection.answered() || e instanceof TooLarge
                    || e instanceof SocketTimeoutException || e instanceof LocalContentFailure) {
                throw e;
            }
        } catch (RuntimeException | Error e) {
            connection.close();
            throw e;
        }
        HttpConnection fresh = pool.open(origin, deadlineNanos);
        if (inUse != null) {
            inUse.use(fresh);
        }
        try {
            return exchange(origin, fresh, head, request, ok, limit, deadlineNanos);
        } catch (IOException | RuntimeException | Error e) {
            fresh.close();
            throw e;
        }
    }

    /**
     * One exchange on {@code connection}. A TLS one, or one with a body, is also guarded by a watchdog that closes
     * the connection at the deadline (see {@link HttpConnection#guard}); a plain read waits at most until then
     * anyway.
     */
    private int exchange(ConnectionPool.Origin origin, HttpConnection connection, String head, Request request,
                         Sink ok, long limit, long deadlineNanos) throws IOException {
        if (!connection.tls() && request.body() == null) {
            return exchangeUnguarded(origin, connection, head, request, ok, limit, deadlineNanos);
        }
        try (HttpConnection.Guard ignored = connection.guard(deadlineNanos)) {
            return exchangeUnguarded(origin, connection, head, request, ok, limit, deadlineNanos);
        } catch (IOException e) {
            boolean late = System.nanoTime() - deadlineNanos >= 0;
            if (late && !(e instanceof TooLarge || e instanceof LocalContentFailure)) {
                throw HttpConnection.timedOut();
            }
            throw e;
        }
    }

    private int exchangeUnguarded(ConnectionPool.Origin origin, HttpConnection connection, String head,
                                  Request request, Sink ok, long limit, long deadlineNanos) throws IOException {
        connection.deadline(deadlineNanos);
        HttpConnection.Head answer;
        if (request.body() == null) {
            connection.writeHead(head);
            connection.flush();
            answer = connection.readHead();
        } else {
            answer = sendWithBody(connection, head, request.body());
        }
        InputStream body = connection.bodyOf(answer, request.method().equals("HEAD"));
        if (answer.status() == 200 && ok != null) {
            if (answer.contentLength() > limit) {
                throw new TooLarge(limit);
            }
            try (OutputStream out = ok.open()) {
                copy(body, out, limit);
            }
        } else {
            connection.discard(body);
        }
        if (connection.endExchange()) {
            pool.giveBack(origin, connection);
        } else {
            connection.close();
        }
        return answer.status();
    }

    /**
     * Writes the head and the body, then reads the answer's head. A server that answers before reading the whole
     * body (a refusal) is heard; the connection is not used again after that.
     */
    private static HttpConnection.Head sendWithBody(HttpConnection connection, String head, Body body)
            throws IOException {
        InputStream opened;
        try {
            opened = body.open();
        } catch (IOException e) {
            throw new LocalContentFailure("cannot read what to upload: " + e.getMessage());
        }
        try (InputStream content = opened) {
            connection.writeHead(head);
            copyBody(content, connection.body(), body.length());
            connection.flush();
        } catch (LocalContentFailure e) {
            throw e;
        } catch (IOException e) {
            connection.doNotReuse(); // unsent bytes may still wait in its buffer
            try {
                return connection.readHead();
            } catch (IOException none) {
                throw e;
            }
        }
        return connection.readHead();
    }

    /** Sends exactly {@code length} bytes of {@code content}, as the request's head announced. */
    private static void copyBody(InputStream content, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (long left = length; left > 0; ) {
            int n;
            try {
                n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
            } catch (IOException e) {
                throw new LocalContentFailure("cannot read what to upload: " + e.getMessage());
            }
            if (n < 0) {
                throw new LocalContentFailure("what to upload got shorter while it was sent (" + (length - left)
                        + " bytes, not " + length + ")");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void copy(InputStream body, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int n; (n = body.read(buffer)) >= 0; ) {
            total += n;
            if (total > limit) {
                throw new TooLarge(limit);
            }
            out.write(buffer, 0, n);
        }
    }

    /** The request's head; refuses an authorization that would not be one header line. */
    private static String head(Request request) {
        URI uri = request.uri();
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        StringBuilder head = new StringBuilder(256).append(request.method()).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: ").append(uri.getRawAuthority().substring(
                        uri.getRawAuthority().lastIndexOf('@') + 1))
                .append("\r\nUser-Agent: same\r\n");
        if (request.authorization() != null) {
            if (!request.authorization().chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f) || (c > 0x9f
                    && c <= 0xff))) {
                throw new InvalidHeader();
            }
            head.append("Authorization: ").append(request.authorization()).append("\r\n");
        }
        if (request.body() != null) {
            head.append("Content-Length: ").append(request.body().length()).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** Closes the kept-alive connections; exchanges under way end as they would, and close theirs. */
    @Override
    public void close() {
        exchanges.shutdown();
        pool.close();
    }
}
