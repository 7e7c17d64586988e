package dev.same.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.protocol.CancelParams;
import dev.same.protocol.DaemonStatus;
import dev.same.protocol.ErrorCodes;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.SameServerApi;
import dev.same.protocol.StatusParams;
import dev.same.protocol.StatusResult;
import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatus;
import dev.same.protocol.TaskStatusInfo;
import dev.same.protocol.jsonrpc.Connections;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The light client against the daemon's side of the protocol: a real lsp4j endpoint built by
 * {@link Connections}, as the daemon builds it, over pipes; and against raw bytes for what a well-behaved server
 * never sends.
 */
class SameClientTest {
    private final List<AutoCloseable> open = new ArrayList<>();

    /** Two pipes: what the client writes, the server reads, and back. */
    private record Wire(InputStream serverIn, OutputStream serverOut, InputStream clientIn, OutputStream clientOut) {
        static Wire open() throws IOException {
            Pipe toServer = Pipe.open();
            Pipe toClient = Pipe.open();
            return new Wire(Channels.newInputStream(toServer.source()), Channels.newOutputStream(toClient.sink()),
                    Channels.newInputStream(toClient.source()), Channels.newOutputStream(toServer.sink()));
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private SameClient clientOf(SameServerApi server, SameClientApi pushes) throws IOException {
        Wire wire = Wire.open();
        Launcher<SameClientApi> launcher = Connections.launcher(server, SameClientApi.class, wire.serverIn(),
                wire.serverOut());
        if (server instanceof Pushing pushing) {
            pushing.client = launcher.getRemoteProxy();
        }
        Future<Void> listening = launcher.startListening();
        open.add(() -> listening.cancel(true));
        SameClient client = SameClient.over(wire.clientIn(), wire.clientOut(), pushes, () -> {
            wire.clientOut().close();
            wire.serverOut().close();
        });
        open.add(client);
        return client;
    }

    /** A server whose methods all fail unless a test overrides them; it can push to its client. */
    private abstract static class Pushing implements SameServerApi {
        SameClientApi client;

        private static <T> CompletableFuture<T> unused() {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public CompletableFuture<dev.same.protocol.InitializeResult> initialize(
                dev.same.protocol.InitializeParams params) {
            return unused();
        }

        @Override
        public CompletableFuture<dev.same.protocol.GraphResult> graph(dev.same.protocol.GraphParams params) {
            return unused();
        }

        @Override
        public CompletableFuture<StatusResult> status(StatusParams params) {
            return unused();
        }

        @Override
        public CompletableFuture<dev.same.protocol.ExplainResult> explain(dev.same.protocol.ExplainParams params) {
            return unused();
        }

        @Override
        public CompletableFuture<dev.same.protocol.EnvResult> environment(dev.same.protocol.EnvParams params) {
            return unused();
        }

        @Override
        public CompletableFuture<RunResult> runStart(RunParams params) {
            return unused();
        }

        @Override
        public CompletableFuture<Boolean> runCancel(CancelParams params) {
            return unused();
        }

        @Override
        public CompletableFuture<RunResult> runAttach(dev.same.protocol.AttachParams params) {
            return unused();
        }

        @Override
        public CompletableFuture<dev.same.protocol.CleanResult> clean(dev.same.protocol.CleanParams params) {
            return unused();
        }

        @Override
        public CompletableFuture<DaemonStatus> daemonStatus() {
            return unused();
        }

        @Override
        public CompletableFuture<Boolean> daemonStop() {
            return unused();
        }
    }

    private static final class Recorder implements SameClientApi {
        final List<Object> pushes = new CopyOnWriteArrayList<>();

        @Override
        public void runEvent(RunEvent event) {
            pushes.add(event);
        }

        @Override
        public void runOutput(RunOutput output) {
            pushes.add(output);
        }
    }

    @Test
    void aRunsPushesArriveInOrderBeforeItsAnswer() throws Exception {
        Recorder recorder = new Recorder();
        List<RunParams> received = new CopyOnWriteArrayList<>();
        Pushing server = new Pushing() {
            @Override
            public CompletableFuture<RunResult> runStart(RunParams params) {
                received.add(params);
                client.runEvent(RunEvent.planned(params.runId(), List.of("app:build"), List.of("careful")));
                client.runOutput(new RunOutput(params.runId(), "app:build", 0, "héllo\n", false));
                client.runEvent(RunEvent.taskFinished(params.runId(), "app:build", TaskStatus.OK, 12, null, false,
                        "abc"));
                return CompletableFuture.completedFuture(new RunResult(params.runId(), true, 0,
                        Map.of("app:build", TaskStatus.OK)));
            }
        };
        SameClient client = clientOf(server, recorder);
        RunParams params = new RunParams("r1", List.of("all"), "/w", Map.of("HOME", "/h"), true, 2);

        RunResult result = client.server().runStart(params).get(10, TimeUnit.SECONDS);

        assertEquals(new RunResult("r1", true, 0, Map.of("app:build", TaskStatus.OK)), result);
        assertEquals(List.of(params), received);
        assertEquals(List.of(RunEvent.planned("r1", List.of("app:build"), List.of("careful")),
                new RunOutput("r1", "app:build", 0, "héllo\n", false),
                RunEvent.taskFinished("r1", "app:build", TaskStatus.OK, 12, null, false, "abc")), recorder.pushes);
    }

    @Test
    void answersAreTypedRecordsWithEnumsAndAbsentFieldsAsNull() throws Exception {
        StatusResult status = new StatusResult(7, List.of(new TaskStatusInfo("a:b", TaskState.DIRTY, null,
                List.of("never run"))), null);
        Pushing server = new Pushing() {
            @Override
            public CompletableFuture<StatusResult> status(StatusParams params) {
                return CompletableFuture.completedFuture(status);
            }

            @Override
            public CompletableFuture<Boolean> runCancel(CancelParams params) {
                return CompletableFuture.completedFuture(params.runId().equals("r9"));
            }
        };
        SameClient client = clientOf(server, new Recorder());

        assertEquals(status, client.server().status(new StatusParams(List.of(), "/w", true)).get(10,
                TimeUnit.SECONDS));
        assertTrue(client.server().runCancel(new CancelParams("r9")).get(10, TimeUnit.SECONDS));
    }

    @Test
    void anErrorAnswerBecomesARemoteExceptionWithItsContextLines() throws Exception {
        Pushing server = new Pushing() {
            @Override
            public CompletableFuture<DaemonStatus> daemonStatus() {
                return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                        ErrorCodes.USER_ERROR, "unknown task 'nope'", List.of("did you mean 'app:build'?"))));
            }
        };
        SameClient client = clientOf(server, new Recorder());

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> client.server().daemonStatus().get(10, TimeUnit.SECONDS));

        RemoteException error = assertInstanceOf(RemoteException.class, failed.getCause());
        assertEquals(ErrorCodes.USER_ERROR, error.code());
        assertEquals("unknown task 'nope'", error.getMessage());
        assertEquals(List.of("did you mean 'app:build'?"), error.context());
    }

    @Test
    void everyRequestGoesOutUnderItsAnnotatedName() throws Exception {
        Wire wire = Wire.open();
        SameClient client = SameClient.over(wire.clientIn(), wire.clientOut(), new Recorder(), () -> { });
        open.add(client);
        List<Method> methods = Arrays.stream(SameServerApi.class.getMethods())
                .sorted(Comparator.comparing(Method::getName)).toList();
        for (Method method : methods) {
            Object[] arguments = new Object[method.getParameterCount()];
            method.invoke(client.server(), arguments);
            String frame = new String(WireFormat.readFrame(wire.serverIn()), StandardCharsets.UTF_8);
            assertTrue(frame.contains("\"method\":\"" + method.getAnnotation(JsonRequest.class).value() + "\""),
                    method.getName() + " sent " + frame);
        }
        assertEquals(11, methods.size());
    }

    @Test
    void aPendingRequestFailsWhenTheServerGoesAway() throws Exception {
        Wire wire = Wire.open();
        SameClient client = SameClient.over(wire.clientIn(), wire.clientOut(), new Recorder(), () -> { });
        open.add(client);
        CompletableFuture<DaemonStatus> pending = client.server().daemonStatus();
        WireFormat.readFrame(wire.serverIn());

        wire.serverOut().close();

        ExecutionException failed = assertThrows(ExecutionException.class, () -> pending.get(10, TimeUnit.SECONDS));
        assertInstanceOf(SameClient.ConnectionClosedException.class, failed.getCause());
        client.closed().get(10, TimeUnit.SECONDS);
        ExecutionException later = assertThrows(ExecutionException.class,
                () -> client.server().daemonStop().get(10, TimeUnit.SECONDS));
        assertInstanceOf(SameClient.ConnectionClosedException.class, later.getCause());
    }

    @Test
    void garbageFromTheServerEndsTheConnectionInsteadOfHangingARequest() throws Exception {
        for (String garbage : List.of("not a frame at all\r\n\r\n", "Content-Length: 99999999999\r\n\r\n",
                "Content-Length: 20\r\n\r\n{\"jsonrpc\":", "Content-Length: 3\r\n\r\n{{{", "x".repeat(20_000))) {
            Wire wire = Wire.open();
            SameClient client = SameClient.over(wire.clientIn(), wire.clientOut(), new Recorder(), () -> { });
            open.add(client);
            CompletableFuture<DaemonStatus> pending = client.server().daemonStatus();
            WireFormat.readFrame(wire.serverIn());

            wire.serverOut().write(garbage.getBytes(StandardCharsets.UTF_8));
            wire.serverOut().close();

            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> pending.get(10, TimeUnit.SECONDS), garbage);
            assertInstanceOf(SameClient.ConnectionClosedException.class, failed.getCause(), garbage);
        }
    }

    @Test
    void aRequestFromTheServerIsAnsweredMethodNotFound() throws Exception {
        Wire wire = Wire.open();
        SameClient client = SameClient.over(wire.clientIn(), wire.clientOut(), new Recorder(), () -> { });
        open.add(client);
        byte[] request = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"client/what\"}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes(("Content-Length: " + request.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        frame.writeBytes(request);

        wire.serverOut().write(frame.toByteArray());
        wire.serverOut().flush();

        String answer = new String(WireFormat.readFrame(wire.serverIn()), StandardCharsets.UTF_8);
        assertTrue(answer.contains("\"id\":5") && answer.contains("-32601"), answer);
        assertFalse(client.closed().isDone());
    }
}
