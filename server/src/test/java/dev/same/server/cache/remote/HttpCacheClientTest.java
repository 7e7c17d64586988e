package dev.same.server.cache.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client a cache server's address gets: plain HTTP without any TLS context, TLS for {@code https://}. */
@Timeout(30)
class HttpCacheClientTest {
    private static final int TLS_HANDSHAKE_RECORD = 0x16;

    @Test
    void onlyAnHttpAddressGoesWithoutTls() {
        assertFalse(HttpCache.needsTls(URI.create("http://cache.example:8080/same")));
        assertFalse(HttpCache.needsTls(URI.create("HTTP://cache.example/same")));
        assertTrue(HttpCache.needsTls(URI.create("https://cache.example/same")));
    }

    @Test
    void anHttpsServerIsGreetedWithATlsHandshake() throws Exception {
        assertEquals(TLS_HANDSHAKE_RECORD, firstByteSent("https"));
    }

    @Test
    void anHttpServerGetsItsRequestInPlainText() throws Exception {
        assertEquals('G', firstByteSent("http"));
    }

    /** The first byte a client for {@code scheme} sends to a server on loopback, asked for a record there. */
    private static int firstByteSent(String scheme) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
                try (Socket peer = server.accept(); InputStream in = peer.getInputStream()) {
                    return in.read();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            URI base = URI.create(scheme + "://127.0.0.1:" + server.getLocalPort() + "/cache/");
            HttpClient client = HttpCache.newClient(HttpCache.needsTls(base));
            try {
                client.sendAsync(HttpRequest.newBuilder(base.resolve("ac/0")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return first.get(20, TimeUnit.SECONDS);
            } finally {
                client.shutdownNow(); // not close(): that waits for the request, which the server never answers
            }
        }
    }
}
