package dev.same.server.cache.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLParameters;

/**
 * Bazel's HTTP cache protocol on one endpoint: {@code GET}/{@code HEAD}/{@code PUT} of {@code ac/<key>} and
 * {@code cas/<sha256>}. Every exchange has a deadline (the answer within {@link #ANSWER_TIMEOUT}, a transfer at
 * least {@link #MIN_BYTES_PER_SECOND}) and every read a bound, so a slow or hostile server costs bounded time and memory.
 */
final class HttpCache {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    static final long MIN_BYTES_PER_SECOND = 1 << 20;

    private final HttpClient client;
    private final RemoteEndpoint endpoint;
    private final Semaphore inFlight;

    /** @param inFlight a permit for each exchange while it lasts: how many requests the server gets at once */
    HttpCache(HttpClient client, RemoteEndpoint endpoint, Semaphore inFlight) {
        this.client = client;
        this.endpoint = endpoint;
        this.inFlight = inFlight;
    }

    /**
     * HTTP/1.1 with keep-alive: the JDK client pools its connections and reuses an idle one for the next request to
     * the same server (idle ones are closed after {@code jdk.httpclient.keepalive.timeout}, 30 s by default), as
     * long as every answer is read to its end, which every exchange here does. One for {@code http://} servers has
     * no TLS context ({@link NoTlsContext}); one for {@code https://} servers trusts what the JDK trusts.
     */
    static HttpClient newClient(boolean tls) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER); // a redirect must not carry the credentials elsewhere
        if (!tls) {
            builder.sslContext(new NoTlsContext()).sslParameters(new SSLParameters());
        }
        return builder.build();
    }

    /** Whether a client for {@code base} needs TLS. */
    static boolean needsTls(URI base) {
        return !"http".equalsIgnoreCase(base.getScheme());
    }

    /** The record stored under {@code key}, at most {@code limit} bytes; empty when the server has none. */
    Optional<byte[]> getRecord(String key, long limit) throws RemoteFailure, RefusedContent {
        URI uri = endpoint.record(key);
        HttpResponse<byte[]> response = exchange("GET", uri, request(uri).GET(), info -> info.statusCode() == 200
                ? HttpResponse.BodySubscribers.limiting(HttpResponse.BodySubscribers.ofByteArray(), limit)
                : HttpResponse.BodySubscribers.replacing(null), limit);
        return found(response, "GET", uri) ? Optional.of(response.body()) : Optional.empty();
    }

    /** Writes blob {@code digest} to {@code file}, reading at most {@code size} bytes; false when the server has none. */
    boolean getBlob(String digest, long size, Path file) throws RemoteFailure, RefusedContent {
        URI uri = endpoint.blob(digest);
        HttpResponse<Path> response = exchange("GET", uri, request(uri).GET(), info -> info.statusCode() == 200
                ? HttpResponse.BodySubscribers.limiting(HttpResponse.BodySubscribers.ofFile(file,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), size)
                : HttpResponse.BodySubscribers.replacing(null), size);
        return found(response, "GET", uri);
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
        HttpResponse<Void> response = exchange("HEAD", uri,
                request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                info -> HttpResponse.BodySubscribers.discarding(), 0);
        return found(response, "HEAD", uri);
    }

    void putBlob(String digest, Path file, long size) throws RemoteFailure, RefusedContent {
        URI uri = endpoint.blob(digest);
        try {
            put(uri, HttpRequest.BodyPublishers.ofFile(file), size);
        } catch (java.io.FileNotFoundException e) {
            throw new RemoteFailure("cannot upload " + digest + ": the local blob is gone");
        }
    }

    void putRecord(String key, byte[] body) throws RemoteFailure, RefusedContent {
        put(endpoint.record(key), HttpRequest.BodyPublishers.ofByteArray(body), body.length);
    }

    private void put(URI uri, HttpRequest.BodyPublisher body, long size) throws RemoteFailure, RefusedContent {
        HttpResponse<Void> response = exchange("PUT", uri, request(uri).PUT(body),
                info -> HttpResponse.BodySubscribers.discarding(), size);
        int status = response.statusCode();
        if (status != 200 && status != 201 && status != 204) {
            throw failure("PUT", uri, status);
        }
    }

    private HttpRequest.Builder request(URI uri) throws RemoteFailure {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT);
        try {
            endpoint.credentials().authorization().ifPresent(value -> builder.header("Authorization", value));
        } catch (IllegalArgumentException e) {
            // its message may quote the value: never shown
            throw new RemoteFailure(uri + ": the credentials (SAME_REMOTE_CACHE_TOKEN or ~/.netrc) are not a valid "
                    + "header value");
        }
        return builder;
    }

    /** 200: found; 404: not there; anything else is a failure. */
    private static boolean found(HttpResponse<?> response, String method, URI uri) throws RemoteFailure {
        return switch (response.statusCode()) {
            case 200 -> true;
            case 404 -> false;
            default -> throw failure(method, uri, response.statusCode());
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
     * Sends and waits for the whole exchange, body included, within a deadline that grows with {@code bytes}, once
     * one of the permits for requests in flight is free.
     */
    private <T> HttpResponse<T> exchange(String method, URI uri, HttpRequest.Builder request,
                                         HttpResponse.BodyHandler<T> handler, long bytes)
            throws RemoteFailure, RefusedContent {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailure(method + " " + uri + ": interrupted");
        }
        try {
            return exchangeNow(method, uri, request, handler, bytes);
        } finally {
            inFlight.release();
        }
    }

    private <T> HttpResponse<T> exchangeNow(String method, URI uri, HttpRequest.Builder request,
                                            HttpResponse.BodyHandler<T> handler, long bytes)
            throws RemoteFailure, RefusedContent {
        long deadlineMillis = ANSWER_TIMEOUT.toMillis() + bytes * 1000 / MIN_BYTES_PER_SECOND;
        CompletableFuture<HttpResponse<T>> future = client.sendAsync(request.build(), handler);
        try {
            return future.get(deadlineMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new RemoteFailure(method + " " + uri + ": no complete answer within " + deadlineMillis / 1000 + "s");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RemoteFailure(method + " " + uri + ": interrupted");
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof IOException io && io.getMessage() != null
                    && io.getMessage().startsWith("body exceeds capacity")) {
                throw new RefusedContent(method + " " + uri + ": the answer is larger than the " + bytes
                        + " bytes announced");
            }
            throw new RemoteFailure(method + " " + uri + ": " + why(cause));
        }
    }

    private static String why(Throwable e) {
        return switch (e) {
            case HttpConnectTimeoutException t -> "no connection within " + CONNECT_TIMEOUT.toSeconds() + "s";
            case HttpTimeoutException t -> "no answer within " + ANSWER_TIMEOUT.toSeconds() + "s";
            case ConnectException c -> "cannot connect" + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")");
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
