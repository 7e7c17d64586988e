package dev.same.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A remote cache for AOT training runs only: Bazel's HTTP cache protocol ({@code GET}, {@code HEAD}, {@code PUT} of
 * any path) in memory, on a free loopback port, so that a training uploads results and restores them as a clean
 * machine does, and the HTTP client's classes are in the cache it makes. Not a server for users: it keeps
 * everything in memory and checks nothing.
 */
final class TrainingRemoteCache implements AutoCloseable {
    private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    private final HttpServer server;

    private TrainingRemoteCache(HttpServer server) {
        this.server = server;
    }

    static TrainingRemoteCache start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        TrainingRemoteCache cache = new TrainingRemoteCache(server);
        server.createContext("/", cache::answer);
        server.start();
        return cache;
    }

    /** The base address, as {@code SAME_REMOTE_CACHE_URL} takes it. */
    String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/cache";
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    stored.put(path, body.readAllBytes());
                    exchange.sendResponseHeaders(200, -1);
                }
                case "GET", "HEAD" -> {
                    byte[] content = stored.get(path);
                    boolean head = exchange.getRequestMethod().equals("HEAD");
                    if (content == null) {
                        exchange.sendResponseHeaders(404, -1);
                    } else if (head) {
                        exchange.getResponseHeaders().set("Content-Length", Integer.toString(content.length));
                        exchange.sendResponseHeaders(200, -1);
                    } else {
                        exchange.sendResponseHeaders(200, content.length == 0 ? -1 : content.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(content);
                        }
                    }
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
