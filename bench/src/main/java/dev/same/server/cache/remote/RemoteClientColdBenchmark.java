package dev.same.server.cache.remote;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The remote cache client's first use in a fresh JVM, as a clean machine restoring from the remote cache pays it:
 * {@code requests} GETs of 1 KiB from a loopback server, from virtual threads, at most 16 at once (as a run asks),
 * each fork a JVM of its own measured once ({@code SingleShotTime}), with the quick JIT tier and serial GC that
 * {@code bin/same} gives the CLI. {@code client=same} is {@link CacheHttpClient}; {@code client=jdk} the JDK's
 * {@code java.net.http} client it replaced, configured as it was (HTTP/1.1, no redirects). The server runs in the
 * same JVM (the JDK's {@code com.sun.net.httpserver}), which costs both clients alike.
 *
 * <p>It lives in the client's package, which it needs, in this module's jar.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 10, jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
public class RemoteClientColdBenchmark {
    private static final int AT_ONCE = 16;

    @Param({"400"})
    int requests;

    @Param({"same", "jdk"})
    String client;

    private HttpServer server;
    private ExecutorService serverThreads;
    private URI base;

    @Setup(Level.Trial)
    public void startServer() throws IOException {
        byte[] body = new byte[1024];
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().factory());
        server.setExecutor(serverThreads);
        server.createContext("/cache/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cache/cas/");
    }

    @TearDown(Level.Trial)
    public void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Benchmark
    public long gets() throws Exception {
        return switch (client) {
            case "same" -> withSame();
            case "jdk" -> withJdk();
            default -> throw new IllegalArgumentException(client);
        };
    }

    private long withSame() throws Exception {
        try (CacheHttpClient http = new CacheHttpClient(Duration.ofSeconds(3))) {
            return all(index -> {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                http.send(new CacheHttpClient.Request("GET", base.resolve(Integer.toString(index)), null, null),
                        () -> body, 1 << 20, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
                return body.size();
            });
        }
    }

    private long withJdk() throws Exception {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build()) {
            return all(index -> http.send(HttpRequest.newBuilder(base.resolve(Integer.toString(index))).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray()).body().length);
        }
    }

    private interface Get {
        int bytes(int index) throws Exception;
    }

    /** Every request, each on a virtual thread of its own, {@value #AT_ONCE} at once; the bytes received. */
    private long all(Get get) throws Exception {
        Semaphore slots = new Semaphore(AT_ONCE);
        List<Future<Integer>> done = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                int index = i;
                done.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        return get.bytes(index);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        long bytes = 0;
        for (Future<Integer> one : done) {
            bytes += one.get();
        }
        if (bytes != (long) requests * 1024) {
            throw new IllegalStateException(bytes + " bytes, not " + requests * 1024L);
        }
        return bytes;
    }
}
