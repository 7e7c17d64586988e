package dev.same.server.cache.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLException;

/**
 * Bazel's HTTP cache protocol on one endpoint: {@code GET}/{@code HEAD}/{@code PUT} of {@code ac/<key>} and
 * {@code cas/<sha256>}. Every exchange has a deadline (the answer within {@link #ANSWER_TIMEOUT}, a transfer at
 * least {@link #MIN_BYTES_PER_SECOND}) and every read a bound, so a slow or hostile server costs bounded time and memory.
 */
final class HttpCache {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    static final long MIN_BYTES_PER_SECOND = 1 << 20;

    private final CacheHttpClient client;
    private final RemoteEndpoint endpoint;
    private final Semaphore inFlight;

    /** @param inFlight a permit for each exchange while it lasts: how many requests the server gets at once */
    HttpCache(CacheHttpClient client, RemoteEndpoint endpoint, Semaphore inFlight) {
        this.client = client;
        this.endpoint = endpoint;
        this.inFlight = inFlight;
    }

    /** The record stored under {@code key}, at most {@code limit} bytes; empty when the server has none. */
    Optional<byte[]> getRecord(String key, long limit) throws RemoteFailure, RefusedContent {
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        URI uri = endpoint.record(key);
        return found(exchange("GET", uri, null, () -> record, limit), "GET", uri)
                ? Optional.of(record.toByteArray()) : Optional.empty();
    }

    /** Writes blob {@code digest} to {@code file}, reading at most {@code size} bytes; false when the server has none. */
    boolean getBlob(String digest, long size, Path file) throws RemoteFailure, RefusedContent {
        URI uri = endpoint.blob(digest);
        return found(exchange("GET", uri, null,
                () -> Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), size),
                "GET", uri);
    }

    /** Whether the server holds blob {@code digest} ({@code HEAD}). */
    boolean hasBlob(String digest) throws RemoteFailure, RefusedContent {
        return has(endpoint.blob(digest));
    }

    /** Whether the server holds the record under {@code key} ({@code HEAD}). */
    boolean hasRecord(String key) throws RemoteFailure, RefusedContent {
        return has(endpoint.record(key));
    }

    private boolean has(URI uri) throws RemoteFailure, RefusedContent {
        return found(exchange("HEAD", uri, null, null, 0), "HEAD", uri);
    }

    void putBlob(String digest, Path file) throws RemoteFailure, RefusedContent {
        CacheHttpClient.Body body;
        try {
            body = CacheHttpClient.Body.of(file);
        } catch (IOException e) {
            throw new RemoteFailure("cannot upload " + digest + ": the local blob is gone");
        }
        put(endpoint.blob(digest), body);
    }

    void putRecord(String key, byte[] body) throws RemoteFailure, RefusedContent {
        put(endpoint.record(key), CacheHttpClient.Body.of(body));
    }

    private void put(URI uri, CacheHttpClient.Body body) throws RemoteFailure, RefusedContent {
        int status = exchange("PUT", uri, body, null, 0);
        if (status != 200 && status != 201 && status != 204) {
            throw failure("PUT", uri, status);
        }
    }

    /** 200: found; 404: not there; anything else is a failure. */
    private static boolean found(int status, String method, URI uri) throws RemoteFailure {
        return switch (status) {
            case 200 -> true;
            case 404 -> false;
            default -> throw failure(method, uri, status);
        };
    }

    private static RemoteFailure failure(String method, URI uri, int status) {
        String why = switch (status) {
            case 401 -> "HTTP 401: the server wants credentials (SAME_REMOTE_CACHE_TOKEN or ~/.netrc) or refused them";
            case 403 -> "HTTP 403: the server refused access with these credentials";
            default -> "HTTP " + status;
        };
        return new RemoteFailure(method + " " + uri + ": " + why);
    }

    /**
     * Sends and waits for the whole exchange, body included, within a deadline that grows with the bytes it may
     * carry ({@code limit}, or the body's length), once one of the permits for requests in flight is free. Returns
     * the answer's status; a 200 answer's body went to {@code ok}.
     */
    private int exchange(String method, URI uri, CacheHttpClient.Body body, CacheHttpClient.Sink ok, long limit)
            throws RemoteFailure, RefusedContent {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailure(method + " " + uri + ": interrupted");
        }
        long deadlineMillis = ANSWER_TIMEOUT.toMillis() + (body == null ? limit : body.length()) * 1000
                / MIN_BYTES_PER_SECOND;
        try {
            String authorization = endpoint.credentials().authorization().orElse(null);
            return client.send(new CacheHttpClient.Request(method, uri, authorization, body), ok, limit,
                    System.nanoTime() + deadlineMillis * 1_000_000);
        } catch (CacheHttpClient.TooLarge e) {
            throw new RefusedContent(method + " " + uri + ": the answer is larger than the " + limit
                    + " bytes announced");
        } catch (CacheHttpClient.InvalidHeader e) {
            throw new RemoteFailure(uri + ": the credentials (SAME_REMOTE_CACHE_TOKEN or ~/.netrc) are not a valid "
                    + "header value");
        } catch (IllegalArgumentException e) { // an address the JDK refuses, such as a port out of range
            throw new RemoteFailure(method + " " + uri + ": " + e.getMessage());
        } catch (IOException e) {
            throw new RemoteFailure(method + " " + uri + ": " + why(e, deadlineMillis));
        } finally {
            inFlight.release();
        }
    }

    private static String why(IOException e, long deadlineMillis) {
        return switch (e) {
            case CacheHttpClient.NoConnection none -> switch (none.getCause()) {
                case SocketTimeoutException t -> "no connection within " + CONNECT_TIMEOUT.toSeconds() + "s";
                case UnknownHostException u -> "unknown host " + u.getMessage();
                case ConnectException c -> "cannot connect"
                        + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")");
                default -> "cannot connect (" + none.getMessage() + ")";
            };
            case SocketTimeoutException t -> "no complete answer within " + Math.max(1, deadlineMillis / 1000) + "s";
            case ProtocolException p -> "a garbled answer: " + p.getMessage();
            case SSLException tls -> "no TLS connection (" + tls.getMessage() + ")";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
