package dev.same.server.env;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A nixhub resolver on 127.0.0.1 serving recorded answers ({@code src/test/resources/env/nixhub/}): each
 * {@code name@version} gets a status, a body and optionally a delay; anything else is a 404.
 */
public final class FakeNixhub implements AutoCloseable {
    public record Reply(int status, String body, Duration delay) {
    }

    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public FakeNixhub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v2/resolve", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            requests.add(query);
            Map<String, String> params = new java.util.HashMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            Reply reply = replies.getOrDefault(params.get("name") + "@" + params.get("version"),
                    new Reply(404, "", Duration.ZERO));
            try {
                Thread.sleep(reply.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException clientGone) {
                // the client timed out
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public FakeNixhub answer(String spec, String recordedFile) {
        replies.put(spec, new Reply(200, recorded(recordedFile), Duration.ZERO));
        return this;
    }

    public FakeNixhub reply(String spec, int status, String body, Duration delay) {
        replies.put(spec, new Reply(status, body, delay));
        return this;
    }

    public static String recorded(String file) {
        try (InputStream in = FakeNixhub.class.getResourceAsStream("/env/nixhub/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded answer " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
