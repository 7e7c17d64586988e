package dev.same.server.cache.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The remote cache's HTTP/1.1 client against a scripted server on loopback: every way a cache server frames its
 * answers, kept-alive connections and their loss, bounds, deadlines and garbage.
 */
@Timeout(60)
class CacheHttpClientTest {
    private static final int TLS_HANDSHAKE_RECORD = 0x16;
    private static final long LONG = TimeUnit.SECONDS.toNanos(30);

    private final CacheHttpClient client = new CacheHttpClient(Duration.ofSeconds(3));
    private ScriptedServer server;

    @AfterEach
    void close() throws IOException {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aKeptAliveConnectionCarriesTheNextRequests() throws Exception {
        server = new ScriptedServer(peer -> {
            for (Received request; (request = peer.read()) != null; ) {
                peer.write(answer(200, request.target().getBytes(StandardCharsets.UTF_8)));
            }
        });
        assertEquals("/cache/ac/1", get("/cache/ac/1"));
        assertEquals("/cache/cas/2", get("/cache/cas/2"));
        assertEquals("/cache/ac/3", get("/cache/ac/3"));
        assertEquals(1, server.connections.get());
        Received first = server.received.getFirst();
        assertEquals("GET", first.method());
        assertEquals("127.0.0.1:" + server.port(), first.headers().get("host"));
    }

    @Test
    void aChunkedBodyIsReadWholeWithItsExtensionsAndTrailers() throws Exception {
        server = new ScriptedServer(peer -> {
            while (peer.read() != null) {
                peer.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5;name=value\r\nhello\r\n1\r\n \r\nA\r\nchunked!!!\r\n0\r\nX-Trailer: yes\r\n\r\n");
            }
        });
        assertEquals("hello chunked!!!", get("/a"));
        assertEquals("hello chunked!!!", get("/b"));
        assertEquals(1, server.connections.get());
    }

    @Test
    void aBodyThatEndsWithItsConnectionIsReadAndTheNextRequestGetsANewOne() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write("HTTP/1.1 200 OK\r\n\r\nuntil the end");
            peer.close();
        });
        assertEquals("until the end", get("/a"));
        assertEquals("until the end", get("/b"));
        assertEquals(2, server.connections.get());
    }

    @Test
    void connectionCloseAndHttp10AnswersAreNotReused() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
        }, peer -> {
            peer.read();
            peer.write("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok");
        }, peer -> {
            peer.read();
            peer.write(answer(200, "ok".getBytes(StandardCharsets.UTF_8)));
        });
        assertEquals("ok", get("/a"));
        assertEquals("ok", get("/b"));
        assertEquals("ok", get("/c"));
        assertEquals(3, server.connections.get());
    }

    @Test
    void aKeptConnectionTheServerClosedMeanwhileIsReplacedOnce() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write(answer(200, "first".getBytes(StandardCharsets.UTF_8)));
            peer.close(); // without saying so: as a server whose keep-alive time ran out
        }, peer -> {
            peer.read();
            peer.write(answer(200, "second".getBytes(StandardCharsets.UTF_8)));
        });
        assertEquals("first", get("/a"));
        server.closed.take();
        assertEquals("second", get("/b"));
        assertEquals(2, server.connections.get());
    }

    @Test
    void aNewConnectionThatClosesWithoutAnsweringIsNotTriedAgain() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.close();
        });
        IOException failure = assertThrows(IOException.class, () -> get("/a"));
        assertEquals("the server closed the connection without answering", failure.getMessage());
        assertEquals(1, server.connections.get());
    }

    @Test
    void anAnswerLargerThanTheLimitIsRefusedWhetherItSaysSoOrNot() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n");
        }, peer -> {
            peer.read();
            peer.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 100; i++) {
                peer.write("400\r\n" + "x".repeat(0x400) + "\r\n");
            }
            peer.write("0\r\n\r\n");
        });
        List<String> opened = new ArrayList<>();
        CacheHttpClient.Sink sink = () -> {
            opened.add("opened");
            return OutputStream.nullOutputStream();
        };
        assertThrows(CacheHttpClient.TooLarge.class, () -> send("GET", "/a", null, sink, 4096));
        assertEquals(List.of(), opened, "announced too large: nothing is written");
        assertThrows(CacheHttpClient.TooLarge.class, () -> send("GET", "/b", null, sink, 4096));
    }

    @Test
    void anotherStatusIsReturnedItsBodyThrownAwayAndTheConnectionKept() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write(answer(404, "<html>not found</html>".getBytes(StandardCharsets.UTF_8)));
            peer.read();
            peer.write(answer(200, "there".getBytes(StandardCharsets.UTF_8)));
        });
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        assertEquals(404, send("GET", "/a", null, () -> body, 100));
        assertEquals(0, body.size());
        assertEquals("there", get("/b"));
        assertEquals(1, server.connections.get());
    }

    @Test
    void aHeadAnswerHasNoBodyWhateverItsLengthSays() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
            peer.read();
            peer.write(answer(200, "next".getBytes(StandardCharsets.UTF_8)));
        });
        assertEquals(200, send("HEAD", "/a", null, null, 0));
        assertEquals("next", get("/b"));
    }

    @Test
    void bytesPastAnAnswersEndAreNeverReadAsTheNextAnswer() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"); // a body a HEAD answer must not have
            peer.awaitClose();
        }, peer -> {
            peer.read();
            peer.write(answer(200, "next".getBytes(StandardCharsets.UTF_8)));
        });
        assertEquals(200, send("HEAD", "/a", null, null, 0));
        assertEquals("next", get("/b"));
        assertEquals(2, server.connections.get());
    }

    @Test
    void aBodyInAnotherFinalCodingIsReadToTheConnectionsEndWhateverItsLengthSays() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, identity\r\nContent-Length: 2\r\n\r\n"
                    + "abcdef");
            peer.close();
        }, peer -> {
            peer.read();
            peer.write(answer(200, "next".getBytes(StandardCharsets.UTF_8)));
        });
        assertEquals("abcdef", get("/a"));
        assertEquals("next", get("/b"));
        assertEquals(2, server.connections.get());
    }

    @Test
    void aSwitchOfProtocolsNobodyAskedForIsGarbage() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n");
        });
        assertEquals("a switch of protocols nobody asked for (101)",
                assertThrows(ProtocolException.class, () -> get("/a")).getMessage());
    }

    @Test
    void anInterimAnswerIsSkipped() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write("HTTP/1.1 100 Continue\r\n\r\n" + answer(200, "final".getBytes(StandardCharsets.UTF_8)));
        });
        assertEquals("final", get("/a"));
    }

    @Test
    void aPutSendsItsBodyWithItsLengthAndTheAuthorization() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
        });
        byte[] content = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        assertEquals(201, client.send(new CacheHttpClient.Request("PUT", uri("/cache/cas/1"), "Bearer secret",
                CacheHttpClient.Body.of(content)), null, 0, System.nanoTime() + LONG));
        Received put = server.received.getFirst();
        assertEquals("PUT", put.method());
        assertEquals("100000", put.headers().get("content-length"));
        assertEquals("Bearer secret", put.headers().get("authorization"));
        assertArrayEquals(content, put.body());
    }

    @Test
    void anUploadWhoseContentEndsBeforeItsAnnouncedLengthIsAbandonedNotAnswered() throws Exception {
        server = new ScriptedServer(peer -> {
            if (peer.read() != null) { // the client closes the connection without sending all 100 bytes
                peer.write(answer(201, new byte[0]));
            }
        });
        CacheHttpClient.Body shrunk = new CacheHttpClient.Body() {
            public long length() {
                return 100;
            }

            public InputStream open() {
                return new java.io.ByteArrayInputStream(new byte[50]);
            }
        };
        assertEquals("what to upload got shorter while it was sent (50 bytes, not 100)",
                assertThrows(CacheHttpClient.LocalContentFailure.class,
                        () -> send("PUT", "/cache/cas/1", shrunk, null, 0)).getMessage());
        assertEquals("closed", server.closed.poll(20, TimeUnit.SECONDS));
        assertEquals(List.of(), server.received.stream().filter(request -> request.body().length == 100).toList(),
                "the server never got a whole request");
    }

    @Test
    void aServerThatRefusesAnUploadBeforeReadingItIsHeard() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.readHeadOnly();
            peer.write("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
            peer.close();
        });
        byte[] content = new byte[32 << 20];
        assertEquals(401, send("PUT", "/cache/cas/1", CacheHttpClient.Body.of(content), null, 0));
    }

    @Test
    void aServerThatStopsReadingAnUploadCostsNoMoreThanTheDeadline() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.readHeadOnly();
            peer.awaitClose();
        });
        byte[] content = new byte[64 << 20];
        assertThrows(SocketTimeoutException.class, () -> client.send(new CacheHttpClient.Request("PUT",
                uri("/cache/cas/1"), null, CacheHttpClient.Body.of(content)), null, 0,
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500)));
    }

    @Test
    void aServerThatNeverAnswersCostsNoMoreThanTheDeadline() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.awaitClose();
        });
        assertThrows(SocketTimeoutException.class, () -> client.send(new CacheHttpClient.Request("GET",
                uri("/cache/ac/1"), null, null), OutputStream::nullOutputStream, 100,
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300)));
    }

    @Test
    void aCallerInterruptedWhileWaitingEndsItsExchangeAndItsConnection() throws Exception {
        BlockingQueue<String> asked = new LinkedBlockingQueue<>();
        server = new ScriptedServer(peer -> {
            peer.read();
            asked.add("asked");
            peer.awaitClose(); // never answers
        });
        Caller caller = Caller.start(() -> client.send(new CacheHttpClient.Request("GET", uri("/cache/ac/1"), null,
                null), OutputStream::nullOutputStream, 100, System.nanoTime() + TimeUnit.MINUTES.toNanos(10)));
        assertEquals("asked", asked.poll(20, TimeUnit.SECONDS));
        caller.thread.interrupt(); // a cancelled run

        assertInstanceOf(java.io.InterruptedIOException.class, caller.outcome.poll(20, TimeUnit.SECONDS));
        assertEquals("closed", server.closed.poll(20, TimeUnit.SECONDS), "the connection is closed, not left to its "
                + "deadline ten minutes away");
    }

    @Test
    void garbageIsAProtocolErrorQuotedSafely() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write("SSH-2.0-OpenSSH_9.6\u0007\r\n");
        }, peer -> {
            peer.read();
            peer.write("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n");
        }, peer -> {
            peer.read();
            peer.write("HTTP/1.1 200 OK\r\nX-Long: " + "y".repeat(10_000) + "\r\n\r\n");
        }, peer -> {
            peer.read();
            peer.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        });
        assertEquals("not an HTTP/1.x answer: \"SSH-2.0-OpenSSH_9.6?\"",
                assertThrows(ProtocolException.class, () -> get("/a")).getMessage());
        assertEquals("a garbled Content-Length: \"-5\"",
                assertThrows(ProtocolException.class, () -> get("/b")).getMessage());
        assertEquals("a line longer than 8192 bytes",
                assertThrows(ProtocolException.class, () -> get("/c")).getMessage());
        assertEquals("a garbled chunk size: \"zz\"",
                assertThrows(ProtocolException.class, () -> get("/d")).getMessage());
    }

    @Test
    void aBodyCutShortIsAnError() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");
            peer.close();
        });
        assertEquals("the server closed the connection 5 bytes before the answer's end",
                assertThrows(IOException.class, () -> get("/a")).getMessage());
    }

    @Test
    void anAuthorizationThatWouldBreakTheHeadIsRefusedBeforeAnythingIsSent() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write(answer(200, new byte[0]));
        });
        IllegalArgumentException refused = assertThrows(CacheHttpClient.InvalidHeader.class, () -> client.send(
                new CacheHttpClient.Request("GET", uri("/a"), "Bearer x\r\nX-Injected: 1", null), null, 0,
                System.nanoTime() + LONG));
        assertFalse(refused.getMessage().contains("Bearer"));
        assertEquals(0, server.connections.get());
    }

    @Test
    void closingTheClientClosesItsKeptConnections() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write(answer(200, "ok".getBytes(StandardCharsets.UTF_8)));
            assertNull(peer.read(), "the connection ends");
        });
        assertEquals("ok", get("/a"));
        client.close();
        assertEquals("closed", server.closed.poll(20, TimeUnit.SECONDS));
    }

    @Test
    void aClosedClientSendsNothingMore() throws Exception {
        server = new ScriptedServer(peer -> {
            peer.read();
            peer.write(answer(200, new byte[0]));
        });
        client.close();
        Caller caller = Caller.start(() -> get("/a"));
        assertEquals("the remote cache's client is closed", caller.outcome.poll(20, TimeUnit.SECONDS).getMessage());
        assertEquals(0, server.connections.get());
    }

    @Test
    void anHttpsServerIsGreetedWithATlsHandshakeAndAnHttpOneInPlainText() throws Exception {
        assertEquals(TLS_HANDSHAKE_RECORD, firstByteSent("https"));
        assertEquals('G', firstByteSent("http"));
    }

    @Test
    void anHttpsServerWhoseCertificateTheJdkDoesNotTrustIsRefused(@TempDir Path temp) throws Exception {
        server = new ScriptedServer(tlsServerSocket(selfSigned(temp)), peer -> {
            peer.read();
            peer.write(answer(200, "secret".getBytes(StandardCharsets.UTF_8)));
        });
        IOException refused = assertThrows(IOException.class, () -> client.send(new CacheHttpClient.Request("GET",
                URI.create("https://localhost:" + server.port() + "/cache/ac/1"), null, null),
                OutputStream::nullOutputStream, 100, System.nanoTime() + LONG));
        assertInstanceOf(SSLHandshakeException.class, refused, refused.toString());
        assertEquals(List.of(), server.received, "nothing was sent");
    }

    @Test
    void anHttpsServerIsReachedWhenItsCertificateIsTrustedAndNamesTheHost(@TempDir Path temp) throws Exception {
        KeyStore keys = selfSigned(temp);
        server = new ScriptedServer(tlsServerSocket(keys), peer -> {
            for (Received request; (request = peer.read()) != null; ) {
                peer.write(answer(200, request.target().getBytes(StandardCharsets.UTF_8)));
            }
        });
        try (CacheHttpClient trusting = new CacheHttpClient(Duration.ofSeconds(3), trusting(keys))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            assertEquals(200, trusting.send(new CacheHttpClient.Request("GET",
                    URI.create("https://localhost:" + server.port() + "/cache/ac/1"), null, null),
                    () -> body, 100, System.nanoTime() + LONG));
            assertEquals("/cache/ac/1", body.toString(StandardCharsets.UTF_8));

            // the same server at an address its certificate does not name
            IOException refused = assertThrows(IOException.class, () -> trusting.send(new CacheHttpClient.Request(
                    "GET", URI.create("https://127.0.0.1:" + server.port() + "/cache/ac/2"), null, null),
                    OutputStream::nullOutputStream, 100, System.nanoTime() + LONG));
            assertInstanceOf(SSLHandshakeException.class, refused, refused.toString());
            assertEquals(1, server.received.size(), "only the request to the name the certificate holds");
        }
    }

    @Test
    void aTlsServerThatStopsReadingAnUploadCostsNoMoreThanTheDeadline(@TempDir Path temp) throws Exception {
        KeyStore keys = selfSigned(temp);
        server = new ScriptedServer(tlsServerSocket(keys), peer -> {
            peer.readHeadOnly();
            peer.awaitClose();
        });
        try (CacheHttpClient trusting = new CacheHttpClient(Duration.ofSeconds(3), trusting(keys))) {
            assertThrows(SocketTimeoutException.class, () -> trusting.send(new CacheHttpClient.Request("PUT",
                    URI.create("https://localhost:" + server.port() + "/cache/cas/1"), null,
                    CacheHttpClient.Body.of(new byte[64 << 20])), null, 0,
                    System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500)));
        }
    }

    @Test
    void aCallerInterruptedWhileItsTlsUploadIsStuckEndsAtOnce(@TempDir Path temp) throws Exception {
        KeyStore keys = selfSigned(temp);
        BlockingQueue<String> asked = new LinkedBlockingQueue<>();
        server = new ScriptedServer(tlsServerSocket(keys), peer -> {
            peer.readHeadOnly();
            asked.add("asked");
            peer.awaitClose(); // reads no more of the body: the client's write blocks
        });
        try (CacheHttpClient trusting = new CacheHttpClient(Duration.ofSeconds(3), trusting(keys))) {
            Caller caller = Caller.start(() -> trusting.send(new CacheHttpClient.Request("PUT",
                    URI.create("https://localhost:" + server.port() + "/cache/cas/1"), null,
                    CacheHttpClient.Body.of(new byte[64 << 20])), null, 0,
                    System.nanoTime() + TimeUnit.MINUTES.toNanos(10)));
            assertEquals("asked", asked.poll(20, TimeUnit.SECONDS));
            caller.thread.interrupt(); // a cancelled run

            // not at the deadline, ten minutes away
            assertInstanceOf(java.io.InterruptedIOException.class, caller.outcome.poll(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void aTlsHandshakeThatArrivesAByteAtATimeCostsNoMoreThanTheDeadline(@TempDir Path temp) throws Exception {
        KeyStore keys = selfSigned(temp);
        server = new ScriptedServer(peer -> {
            peer.in.read(new byte[4096]); // the client's hello
            byte[] recordHead = {0x16, 0x03, 0x03, 0x40, 0x00}; // a handshake record of 16 KiB, never complete
            for (int i = 0; ; i++) {
                peer.socket.getOutputStream().write(i < recordHead.length ? recordHead[i] : 0);
                Thread.sleep(100); // each byte well within the read timeout: only a deadline on the whole ends it
            }
        });
        try (CacheHttpClient trusting = new CacheHttpClient(Duration.ofSeconds(3), trusting(keys))) {
            assertThrows(SocketTimeoutException.class, () -> trusting.send(new CacheHttpClient.Request("GET",
                    URI.create("https://localhost:" + server.port() + "/cache/ac/1"), null, null),
                    OutputStream::nullOutputStream, 100, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(700)));
        }
    }

    /** A key pair and a certificate for {@code localhost} alone, made by the JDK's keytool. */
    private static KeyStore selfSigned(Path temp) throws Exception {
        Path store = temp.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "cache", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit").redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), said);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        return keys;
    }

    private static ServerSocket tlsServerSocket(KeyStore keys) throws Exception {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** TLS connections that trust the certificate in {@code keys}, and nothing else. */
    private static SSLSocketFactory trusting(KeyStore keys) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("cache", keys.getCertificate("cache"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    /** The first byte this client sends to a server on loopback, asked for a record at a {@code scheme} address. */
    private int firstByteSent(String scheme) throws Exception {
        BlockingQueue<Integer> first = new LinkedBlockingQueue<>();
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket peer = listening.accept(); InputStream in = peer.getInputStream()) {
                    first.add(in.read());
                } catch (IOException e) {
                    first.add(-2);
                }
            });
            URI address = URI.create(scheme + "://127.0.0.1:" + listening.getLocalPort() + "/cache/ac/0");
            assertThrows(IOException.class, () -> client.send(new CacheHttpClient.Request("GET", address, null,
                    null), null, 0, System.nanoTime() + LONG));
            return first.take();
        }
    }

    private String get(String path) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        assertEquals(200, send("GET", path, null, () -> body, 1 << 20));
        return body.toString(StandardCharsets.UTF_8);
    }

    private int send(String method, String path, CacheHttpClient.Body body, CacheHttpClient.Sink ok, long limit)
            throws IOException {
        return client.send(new CacheHttpClient.Request(method, uri(path), null, body), ok, limit,
                System.nanoTime() + LONG);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static String answer(int status, byte[] body) {
        return "HTTP/1.1 " + status + " Whatever\r\nContent-Length: " + body.length + "\r\n\r\n"
                + new String(body, StandardCharsets.ISO_8859_1);
    }

    /** A client call on a virtual thread, as runs make them; what it threw, or an error if it returned. */
    record Caller(Thread thread, BlockingQueue<Throwable> outcome) {
        interface Call {
            Object call() throws Exception;
        }

        static Caller start(Call call) {
            BlockingQueue<Throwable> outcome = new LinkedBlockingQueue<>();
            Thread thread = Thread.ofVirtual().start(() -> {
                try {
                    outcome.add(new AssertionError("returned " + call.call()));
                } catch (Throwable e) {
                    outcome.add(e);
                }
            });
            return new Caller(thread, outcome);
        }
    }

    /** A request as the server read it. */
    record Received(String method, String target, Map<String, String> headers, byte[] body) {
    }

    interface Script {
        void play(Peer peer) throws Exception;
    }

    /** The server's end of one connection. */
    static final class Peer {
        final Socket socket;
        final InputStream in;
        private final List<Received> received;

        Peer(Socket socket, List<Received> received) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.received = received;
        }

        /** The next request, body included; null when the client closed the connection. */
        Received read() throws IOException {
            Received head = readHeadOnly();
            if (head == null) {
                return null;
            }
            int length = Integer.parseInt(head.headers().getOrDefault("content-length", "0"));
            Received whole = new Received(head.method(), head.target(), head.headers(), in.readNBytes(length));
            received.set(received.indexOf(head), whole);
            return whole;
        }

        Received readHeadOnly() throws IOException {
            String requestLine = line();
            if (requestLine == null) {
                return null;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line; !(line = line()).isEmpty(); ) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            String[] parts = requestLine.split(" ");
            Received head = new Received(parts[0], parts[1], headers, new byte[0]);
            received.add(head);
            return head;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    return null;
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void write(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        }

        /** Waits until the client closes the connection (or the test's end closes it). */
        void awaitClose() throws IOException {
            in.transferTo(OutputStream.nullOutputStream());
        }

        void close() throws IOException {
            socket.close();
        }
    }

    /**
     * Accepts connections on loopback and plays the scripts in order, one per connection, the last for every
     * connection after it; counts connections and tells when one of them ended.
     */
    static final class ScriptedServer implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        final List<Received> received = new CopyOnWriteArrayList<>();
        final BlockingQueue<String> closed = new LinkedBlockingQueue<>();
        private final ServerSocket listening;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        ScriptedServer(Script... scripts) throws IOException {
            this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), scripts);
        }

        ScriptedServer(ServerSocket listening, Script... scripts) {
            this.listening = listening;
            Thread.ofVirtual().start(() -> {
                while (!listening.isClosed()) {
                    try {
                        Socket socket = listening.accept();
                        sockets.add(socket);
                        Script script = scripts[Math.min(connections.getAndIncrement(), scripts.length - 1)];
                        Thread.ofVirtual().start(() -> {
                            try (socket) {
                                script.play(new Peer(socket, received));
                            } catch (Exception | AssertionError e) {
                                // the client's side of the test says what went wrong
                            } finally {
                                closed.add("closed");
                            }
                        });
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return listening.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            listening.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void theOriginOfAnAddressNamesItsHostWithoutBracketsAndItsDefaultPort() {
        assertEquals(new ConnectionPool.Origin("::1", 80, false),
                ConnectionPool.Origin.of(URI.create("http://[::1]/cache")));
        assertEquals(new ConnectionPool.Origin("cache.example", 443, true),
                ConnectionPool.Origin.of(URI.create("https://cache.example/cache")));
        assertEquals(new ConnectionPool.Origin("cache.example", 8080, false),
                ConnectionPool.Origin.of(URI.create("HTTP://cache.example:8080/cache")));
        assertTrue(ConnectionPool.Origin.of(URI.create("https://cache.example:9092")).tls());
    }
}
