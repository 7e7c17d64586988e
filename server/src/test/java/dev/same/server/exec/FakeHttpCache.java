package dev.same.server.exec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Bazel's HTTP cache protocol in memory on 127.0.0.1 ({@code GET}, {@code HEAD}, {@code PUT} under {@code /cache/}),
 * which can hold the requests for records until a number of them are in flight at once: a client asking one after
 * another never gets that far, and its requests time out.
 */
final class FakeHttpCache implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    private volatile CountDownLatch recordsTogether = new CountDownLatch(0);
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeHttpCache() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/cache/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cache";
    }

    /** From now on, each request for a record is answered only once {@code count} of them have come. */
    void holdRecordsUntilTogether(int count) {
        recordsTogether = new CountDownLatch(count);
    }

    long records() {
        return stored.keySet().stream().filter(path -> path.startsWith("/cache/ac/")).count();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(method + " " + path);
            switch (method) {
                case "PUT" -> {
                    stored.put(path, exchange.getRequestBody().readAllBytes());
                    exchange.sendResponseHeaders(201, -1);
                }
                case "GET", "HEAD" -> {
                    if (method.equals("GET") && path.startsWith("/cache/ac/")) {
                        awaitTogether();
                    }
                    byte[] body = stored.get(path);
                    if (body == null) {
                        exchange.sendResponseHeaders(404, -1);
                    } else if (method.equals("HEAD")) {
                        exchange.sendResponseHeaders(200, -1);
                    } else {
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                    }
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    private void awaitTogether() {
        CountDownLatch together = recordsTogether;
        together.countDown();
        try {
            together.await(60, TimeUnit.SECONDS); // only so that a failing test's server ends; the client gives up first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
