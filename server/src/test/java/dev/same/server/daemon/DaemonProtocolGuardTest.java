package dev.same.server.daemon;

import dev.same.protocol.client.BuildId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.same.protocol.ErrorCodes;
import dev.same.protocol.Protocol;
import dev.same.protocol.RunParams;
import dev.same.protocol.client.RemoteException;
import dev.same.protocol.client.SameClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real daemon on its real socket against bytes no client should send: each bad connection is answered with
 * a JSON-RPC error or closed, and after each one a fresh client is served as if nothing happened.
 */
@Timeout(120)
class DaemonProtocolGuardTest {
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":%d,"method":"initialize","params":{"protocolVersion":1,"clientName":"raw",\
            "clientVersion":"0","root":"/"}}""";

    private static InProcessDaemon daemon;

    @BeforeAll
    static void startDaemon() throws Exception {
        daemon = InProcessDaemon.start();
    }

    @AfterAll
    static void stopDaemon() throws Exception {
        daemon.close();
    }

    @AfterEach
    void daemonStillServesAFreshClient() throws Exception {
        assertTrue(daemon.running(), daemon.log());
        daemon.assertServes();
    }

    @Test
    void aRealClientIsServed() throws Exception {
        daemon.assertServes();
    }

    @Test
    void manyIdleConnectionsDoNotStarveOthers() throws Exception {
        java.util.List<RawConnection> idle = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors() + 2; i++) {
                idle.add(new RawConnection(daemon.socket));
            }
            daemon.assertServes();
        } finally {
            for (RawConnection connection : idle) {
                connection.close();
            }
        }
    }

    @Test
    void enumsTravelByName() throws Exception {
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            raw.send(RawConnection.frame(INITIALIZE.formatted(1)));
            raw.readMessage().orElseThrow();
            raw.send(RawConnection.frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"workspace/status\","
                    + "\"params\":{\"targets\":[],\"includeWrites\":false}}"));
            JsonNode answer = raw.readMessage().orElseThrow();
            JsonNode tasks = answer.path("result").path("tasks");
            assertTrue(tasks.size() > 0, answer.toString());
            assertTrue(tasks.get(0).path("state").isTextual(), "state is a name: " + answer);
        }
    }

    @Test
    void subscriptionsTravelByTheirWireNamesAndAnUnknownOneIsInvalidParams() throws Exception {
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            raw.send(RawConnection.frame("""
                    {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":1,"clientName":"raw",\
                    "clientVersion":"0","root":"/","subscriptions":["hashes","everything"]}}"""));
            JsonNode answer = raw.readResponse().orElseThrow();
            assertEquals(-32602, answer.path("error").path("code").asInt(), answer.toString());
            assertEquals("invalid params: subscriptions[1]: expected one of hashes, graph, health, not \"everything\"",
                    answer.path("error").path("message").asText());
            raw.send(RawConnection.frame("""
                    {"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":1,"clientName":"raw",\
                    "clientVersion":"0","root":"/","subscriptions":["hashes","graph","health"]}}"""));
            assertTrue(raw.readResponse().orElseThrow().has("result"));
        }
    }

    @Test
    void garbageWithoutAContentLengthClosesTheConnection() throws Exception {
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            raw.send("GET / HTTP/1.1\r\nHost: same\r\n\r\n");
            assertEquals(0, raw.readUntilClosed().length, "nothing is answered to garbage");
        }
    }

    @Test
    void randomBytesCloseTheConnection() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            raw.sendUntilRefused(noise).readUntilClosed();
        }
    }

    @Test
    void aFrameThatIsNotJsonClosesTheConnection() throws Exception {
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            raw.send(RawConnection.frame("this is { not json"));
            assertEquals(Optional.empty(), raw.readMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2, 3]", "\"a string\"", "42", "null", "{}", "{\"jsonrpc\":\"2.0\"}"})
    void jsonThatIsNotAMessageIsAnsweredWithAnErrorOrClosed(String json) throws Exception {
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            raw.send(RawConnection.frame(json));
            raw.readMessage().ifPresent(message -> assertTrue(message.has("error"), message.toString()));
        }
    }

    @Test
    void aTruncatedFrameIsDroppedWhenTheClientHangsUp() throws Exception {
        byte[] whole = RawConnection.frame(INITIALIZE.formatted(1));
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            raw.send(Arrays.copyOf(whole, whole.length - 20)).endOutput();
            // a parse error (-32700) may be answered; the request itself is never served
            String answer = new String(raw.readUntilClosed(), StandardCharsets.UTF_8);
            assertFalse(answer.contains("\"result\""), answer);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {Protocol.MAX_REQUEST_BYTES + 1, 16 * 1024 * 1024, 999_999_999})
    void anOversizedRequestIsAnsweredWithAnErrorBeforeItsBodyArrivesAndTheConnectionClosed(int length)
            throws Exception {
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            // only the start of the body is ever sent: the answer cannot wait for the rest
            raw.send("Content-Length: " + length + "\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,");
            JsonNode error = raw.readMessage().orElseThrow().path("error");
            assertEquals(-32600, error.path("code").asInt(), error.toString());
            assertEquals("request of " + length + " bytes refused: a request may have at most "
                    + Protocol.MAX_REQUEST_BYTES + " bytes (4 MiB)", error.path("message").asText());
            assertEquals(Optional.empty(), raw.readMessage(), "then the connection is closed");
        }
    }

    @Test
    void theJavaClientReportsTheRefusalOfItsRequest() throws Exception {
        try (SameClient client = SameClient.connect(daemon.socket, InProcessDaemon.NO_PUSHES)) {
            client.initialize("test", BuildId.current(), daemon.root, 10_000);
            RunParams huge = new RunParams("huge", List.of("hello"), daemon.root.toString(),
                    Map.of("BIG", "x".repeat(Protocol.MAX_REQUEST_BYTES)), false, 1);
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> client.server().runStart(huge).get(20, TimeUnit.SECONDS));
            RemoteException error = assertInstanceOf(RemoteException.class, refused.getCause());
            assertTrue(error.getMessage().startsWith("request of "), error.getMessage());
            assertTrue(error.getMessage().endsWith(" bytes refused: a request may have at most "
                    + Protocol.MAX_REQUEST_BYTES + " bytes (4 MiB)"), error.getMessage());
        }
    }

    @Test
    void aRequestJustUnderTheLimitIsServed() throws Exception {
        String start = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"workspace/graph\",\"params\":{\"cwd\":\"";
        String end = "\"}}";
        String cwd = "x".repeat(Protocol.MAX_REQUEST_BYTES - start.length() - end.length());
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            raw.send(RawConnection.frame(INITIALIZE.formatted(1)));
            raw.readResponse().orElseThrow();
            byte[] request = RawConnection.frame(start + cwd + end);
            raw.send(request);
            JsonNode answer = raw.readResponse().orElseThrow();
            assertTrue(answer.has("result"), answer.toString().substring(0, 200));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "abc", "99999999999999999999"})
    void aNonsenseContentLengthClosesTheConnection(String length) throws Exception {
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            raw.send("Content-Length: " + length + "\r\n\r\n{}");
            assertEquals(0, raw.readUntilClosed().length);
        }
    }

    @Test
    void aHeaderSectionOf100KilobytesWithoutNewlineClosesTheConnection() throws Exception {
        byte[] header = ("X-Padding: " + "x".repeat(100 * 1024)).getBytes(StandardCharsets.US_ASCII);
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            raw.sendUntilRefused(header);
            assertEquals(0, raw.readUntilClosed().length);
        }
    }

    @Test
    void manyHeaderLinesWithoutABodyCloseTheConnection() throws Exception {
        byte[] headers = "X-Again: 1\r\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            raw.sendUntilRefused(headers);
            assertEquals(0, raw.readUntilClosed().length);
        }
    }

    @Test
    void anUnknownMethodIsAnsweredWithMethodNotFoundAndTheConnectionStaysUsable() throws Exception {
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            raw.send(RawConnection.frame("""
                    {"jsonrpc":"2.0","id":7,"method":"no/such/method","params":{}}"""));
            JsonNode answer = raw.readMessage().orElseThrow();
            assertEquals(7, answer.path("id").asInt(), answer.toString());
            assertEquals(-32601, answer.path("error").path("code").asInt(), answer.toString());

            raw.send(RawConnection.frame(INITIALIZE.formatted(8)));
            JsonNode hello = raw.readMessage().orElseThrow();
            assertEquals(8, hello.path("id").asInt(), hello.toString());
            assertEquals(ProcessHandle.current().pid(), hello.path("result").path("pid").asLong(), hello.toString());
        }
    }

    @Test
    void anUnknownNotificationIsIgnored() throws Exception {
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            raw.send(RawConnection.frame("""
                    {"jsonrpc":"2.0","method":"no/such/notification","params":{"x":1}}"""));
            raw.send(RawConnection.frame(INITIALIZE.formatted(1)));
            JsonNode hello = raw.readMessage().orElseThrow();
            assertEquals(1, hello.path("id").asInt(), hello.toString());
            assertTrue(hello.has("result"), hello.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"one\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":[1,2,3]}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":\"hello\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"workspace/graph\",\"params\":42}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"run/start\",\"params\":{\"targets\":{\"all\":1}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"run/start\",\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"run/start\",\"params\":{\"targets\":[\"nope\"],\"parallel\":\"x\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"run/cancel\",\"params\":{\"runId\":{\"a\":1}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"run/attach\",\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"workspace/clean\",\"params\":{\"cache\":[true]}}",
            "{\"jsonrpc\":\"2.0\",\"id\":{\"nested\":true},\"method\":\"initialize\",\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":42,\"params\":{}}",
    })
    void wrongParameterTypesGetAnErrorOrAClosedConnection(String request) throws Exception {
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            raw.send(RawConnection.frame(request));
            Optional<JsonNode> answer = raw.readResponse();
            answer.ifPresent(message -> assertTrue(message.has("error"), message.toString()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"targets\":[]}", "{\"targets\":null,\"parallel\":2}"})
    void aRunWithoutTargetsIsRefusedWithAClearMessage(String params) throws Exception {
        try (RawConnection raw = initialized()) {
            raw.send(RawConnection.frame("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"run/start\",\"params\":" + params
                    + "}"));
            JsonNode error = raw.readResponse().orElseThrow().path("error");
            assertEquals(ErrorCodes.USER_ERROR, error.path("code").asInt(), error.toString());
            assertEquals("run/start needs targets: task names, or \"all\"", error.path("message").asText());
        }
    }

    /** lsp4j's Gson reads a lone value as a one-element list and a non-boolean string as false: harmless. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"run/start\",\"params\":{\"targets\":\"hello\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"workspace/clean\",\"params\":{\"cache\":\"yes\"}}",
    })
    void leniencyOfTheJsonReaderIsAnsweredNormally(String request) throws Exception {
        try (RawConnection raw = initialized()) {
            raw.send(RawConnection.frame(request));
            JsonNode answer = raw.readResponse().orElseThrow();
            assertEquals(3, answer.path("id").asInt(), answer.toString());
            assertFalse(answer.has("error"), answer.toString());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            initialize       | {"protocolVersion":"one"}           | protocolVersion: expected a number, not a string
            initialize       | "hello"                             | params: expected an object, not a string
            initialize       | null                                | initialize needs params
            workspace/status | null                                | workspace/status needs params
            workspace/status | {"targets":[["a"]]}                 | targets[0]: expected a string, not a list
            task/explain     | {}                                  | task/explain needs task
            task/explain     | {"task":"hello","includeWrites":{}} | includeWrites: expected a boolean, not an object
            task/environment | {"cwd":"/"}                         | task/environment needs task
            run/start        | null                                | run/start needs params
            run/start        | {"targets":["hello"],"parallel":"x"}| parallel: expected a number, not a string
            run/start        | {"targets":{"all":1}}               | targets: expected a string, not an object
            run/cancel       | {}                                  | run/cancel needs runId
            run/cancel       | {"runId":{"a":1}}                   | runId: expected a string, not an object
            run/attach       | {"fromMessage":0}                   | run/attach needs runId
            run/attach       | {"runId":"r","fromMessage":[0]}     | fromMessage: expected a number, not a list
            workspace/clean  | null                                | workspace/clean needs params
            workspace/clean  | {"cache":[true]}                    | cache: expected a boolean, not a list
            """)
    void missingOrWrongTypedParamsAreInvalidParamsNamingTheField(String method, String params, String message)
            throws Exception {
        try (RawConnection raw = initialized()) {
            raw.send(RawConnection.frame("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"" + method
                    + "\",\"params\":" + params + "}"));
            JsonNode answer = raw.readResponse().orElseThrow();
            assertEquals(5, answer.path("id").asInt(), answer.toString());
            assertEquals(-32602, answer.path("error").path("code").asInt(), answer.toString());
            assertEquals("invalid params: " + message, answer.path("error").path("message").asText());
        }
        assertFalse(daemon.log().contains("internal error"), daemon.log());
    }

    @ParameterizedTest
    @ValueSource(strings = {"workspace/graph", "workspace/status", "run/start", "run/cancel", "daemon/status"})
    void requestsBeforeInitializeAreRefusedAndTheConnectionStaysUsable(String method) throws Exception {
        try (RawConnection raw = new RawConnection(daemon.socket)) {
            raw.send(RawConnection.frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method
                    + "\",\"params\":{\"targets\":[\"hello\"]}}"));
            JsonNode refused = raw.readResponse().orElseThrow();
            assertEquals(ErrorCodes.NOT_INITIALIZED, refused.path("error").path("code").asInt(), refused.toString());
            assertEquals("initialize first: the first request on a connection must be 'initialize'",
                    refused.path("error").path("message").asText());

            raw.send(RawConnection.frame(INITIALIZE.formatted(2)));
            assertTrue(raw.readResponse().orElseThrow().has("result"));
            raw.send(RawConnection.frame("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"workspace/graph\","
                    + "\"params\":{}}"));
            JsonNode graph = raw.readResponse().orElseThrow();
            assertEquals("hello", graph.path("result").path("order").path(0).asText(), graph.toString());
        }
    }

    /** A connection past the handshake. */
    private static RawConnection initialized() throws Exception {
        RawConnection raw = new RawConnection(daemon.socket);
        raw.send(RawConnection.frame(INITIALIZE.formatted(99)));
        assertTrue(raw.readResponse().orElseThrow().has("result"));
        return raw;
    }
}
