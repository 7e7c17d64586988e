package dev.same.intellij.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.intellij.core.run.RunListener;
import dev.same.intellij.core.run.RunOptions;
import dev.same.intellij.core.run.TaskRun;
import dev.same.intellij.core.support.FakeDaemon;
import dev.same.intellij.core.support.RealWorkspace;
import dev.same.intellij.core.support.VirtualScheduler;
import dev.same.protocol.ErrorCodes;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunResult;
import dev.same.protocol.client.SameClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.junit.jupiter.api.Test;

/** The connection's reconnect logic in virtual time: dials answered by a script of failures and fake daemons. */
class DaemonConnectionTest {
    private final VirtualScheduler clock = new VirtualScheduler();
    private final Deque<Object> script = new ArrayDeque<>();
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private int dials;

    /** Each dial takes the next step: an IOException to throw, or a fake daemon to connect to. */
    private final Dialer dialer = (pushes, starting) -> {
        dials++;
        Object step = script.isEmpty() ? new IOException("connection refused") : script.pop();
        if (step instanceof IOException failure) {
            throw failure;
        }
        return ((FakeDaemon) step).connect(pushes);
    };

    private DaemonConnection connection() {
        DaemonConnection connection = new DaemonConnection(Path.of("/ws"), dialer, clock,
                new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10)), "test", Duration.ofSeconds(10));
        connection.addListener(new DaemonListener() {
            @Override
            public void stateChanged(ConnectionState state) {
                states.add(state);
            }
        });
        return connection;
    }

    @Test
    void retriesWithDoublingDelaysCappedAtTheMaximum() {
        DaemonConnection connection = connection();
        connection.start();
        clock.advance(Duration.ZERO);
        List<Long> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            var reconnecting = assertInstanceOf(ConnectionState.Reconnecting.class, connection.state());
            assertEquals(attempt, reconnecting.attempt());
            assertEquals("connection refused", reconnecting.reason());
            delays.add(reconnecting.delay().toMillis());
            int before = dials;
            clock.advance(reconnecting.delay().minusMillis(1));
            assertEquals(before, dials, "no attempt before the delay has passed");
            clock.advance(Duration.ofMillis(1));
            assertEquals(before + 1, dials);
        }
        assertEquals(List.of(250L, 500L, 1000L, 2000L, 4000L, 8000L, 10000L, 10000L), delays);
        assertThrows(NotConnectedException.class, connection::server);
    }

    @Test
    void connectsAfterFailuresThenStartsAgainFromTheInitialDelayWhenTheLinkDrops() throws Exception {
        FakeDaemon daemon = FakeDaemon.answering(42);
        script.add(new IOException("refused"));
        script.add(new IOException("refused"));
        script.add(daemon);
        DaemonConnection connection = connection();
        CompletableFuture<ConnectionState.Connected> first = connectedOnce(connection);
        connection.start();
        clock.advance(Duration.ZERO);
        clock.advance(Duration.ofMillis(250));
        clock.advance(Duration.ofMillis(500));
        assertEquals(42, RealWorkspace.await(first, "the handshake").pid()); // the handshake ends on its own thread

        CompletableFuture<ConnectionState> lost = new CompletableFuture<>();
        connection.addListener(new DaemonListener() {
            @Override
            public void stateChanged(ConnectionState state) {
                lost.complete(state);
            }
        });
        daemon.hangUp();
        var reconnecting = assertInstanceOf(ConnectionState.Reconnecting.class, RealWorkspace.await(lost, "the drop"));
        assertEquals(Duration.ofMillis(250), reconnecting.delay(), "a successful handshake resets the back-off");
        assertEquals(1, reconnecting.attempt());

        script.add(FakeDaemon.answering(43));
        CompletableFuture<ConnectionState.Connected> again = connectedOnce(connection);
        clock.advance(Duration.ofMillis(250));
        assertEquals(43, RealWorkspace.await(again, "the second handshake").pid());
        connection.close();
        assertInstanceOf(ConnectionState.Disposed.class, connection.state());
    }

    @Test
    void aDaemonSpeakingAnotherProtocolVersionIsAFailureNotRetried() {
        script.add(new FakeDaemon(params -> CompletableFuture.failedFuture(new ResponseErrorException(
                new ResponseError(ErrorCodes.VERSION_MISMATCH, "protocol version 1 is not supported (this daemon "
                        + "speaks 2)", null)))));
        DaemonConnection connection = connection();
        connection.start();
        clock.advance(Duration.ZERO);
        var failed = assertInstanceOf(ConnectionState.Failed.class, connection.state());
        assertTrue(failed.reason().contains("another protocol version"), failed.reason());
        assertEquals(0, clock.pending(), "nothing scheduled: it waits for the user");
        assertTrue(failed.logFile().endsWith(Path.of(".same/daemon/daemon.log")));
    }

    @Test
    void aDaemonThatCannotStartIsAFailureUntilStartedAgain() {
        script.add(new DaemonStartException("could not start the same daemon with same: boom"));
        DaemonConnection connection = connection();
        connection.start();
        clock.advance(Duration.ZERO);
        assertEquals("could not start the same daemon with same: boom",
                assertInstanceOf(ConnectionState.Failed.class, connection.state()).reason());
        assertEquals(0, clock.pending());

        script.add(FakeDaemon.answering(7));
        connection.start();
        clock.advance(Duration.ZERO);
        assertInstanceOf(ConnectionState.Connected.class, connection.state());
    }

    /** Remembers how a run ended. */
    private static final class Outcome implements RunListener {
        final CompletableFuture<String> failure = new CompletableFuture<>();

        @Override
        public void event(RunEvent event) {
        }

        @Override
        public void output(RunOutput output) {
        }

        @Override
        public void finished(RunResult result) {
            failure.complete("finished");
        }

        @Override
        public void failed(String message, List<String> context) {
            failure.complete(message);
        }
    }

    @Test
    void aRunAskedForBeforeTheLinkIsUpStartsOnceItIs() {
        DaemonConnection connection = connection();
        Outcome outcome = new Outcome();
        var pending = TaskRun.startWhenConnected(connection, RunOptions.of("a:b"), "/ws", Map.of(), outcome,
                Duration.ofSeconds(60));
        assertFalse(pending.isDone());
        script.add(FakeDaemon.answering(5));
        connection.start();
        clock.advance(Duration.ZERO);
        // the fake daemon refuses run/start: its refusal proves the request went out
        String end = RealWorkspace.await(outcome.failure, "the run's end");
        assertTrue(end.contains("not in the fake daemon"), end);
        assertTrue(pending.isDone() && !pending.isCancelled());
    }

    @Test
    void aRunWhoseDaemonCannotStartFailsWithTheReasonAndAStoppedOneNeverStarts() {
        DaemonConnection connection = connection();
        Outcome outcome = new Outcome();
        var pending = TaskRun.startWhenConnected(connection, RunOptions.of("a:b"), "/ws", Map.of(), outcome,
                Duration.ofSeconds(60));
        Outcome stoppedOutcome = new Outcome();
        var stopped = TaskRun.startWhenConnected(connection, RunOptions.of("a:b"), "/ws", Map.of(), stoppedOutcome,
                Duration.ofSeconds(60));
        TaskRun.stop(stopped);
        script.add(new DaemonStartException("no launcher"));
        connection.start();
        clock.advance(Duration.ZERO);
        assertEquals("could not reach the same daemon: no launcher", RealWorkspace.await(outcome.failure, "the failure"));
        assertTrue(pending.isCompletedExceptionally());
        assertTrue(stopped.isCancelled());
        assertFalse(stoppedOutcome.failure.isDone(), "a run stopped before it started reports nothing more");
    }

    @Test
    void aHandshakeThatTimesOutIsRetried() {
        script.add(new FakeDaemon(params -> new CompletableFuture<>()));
        DaemonConnection connection = new DaemonConnection(Path.of("/ws"), dialer, clock,
                new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10)), "test", Duration.ofMillis(1));
        connection.start();
        clock.advance(Duration.ZERO);
        var reconnecting = assertInstanceOf(ConnectionState.Reconnecting.class, connection.state());
        assertTrue(reconnecting.reason().contains("timed out"), reconnecting.reason());
    }

    @Test
    void startingIsReportedWithTheLauncher() throws Exception {
        Dialer starts = (pushes, starting) -> {
            starting.accept(Path.of("/opt/same/bin/same"));
            SameClient client = FakeDaemon.answering(9).connect(pushes);
            return client;
        };
        DaemonConnection connection = new DaemonConnection(Path.of("/ws"), starts, clock, Backoff.standard(), "test",
                Duration.ofSeconds(10));
        connection.addListener(new DaemonListener() {
            @Override
            public void stateChanged(ConnectionState state) {
                states.add(state);
            }
        });
        connection.start();
        clock.advance(Duration.ZERO);
        assertEquals(List.of(new ConnectionState.Connecting(), new ConnectionState.Starting(Path.of("/opt/same/bin/same")),
                new ConnectionState.Connected("fake", 9)), states);
    }

    /** Completes with the next Connected state the connection reaches. */
    private static CompletableFuture<ConnectionState.Connected> connectedOnce(DaemonConnection connection) {
        CompletableFuture<ConnectionState.Connected> connected = new CompletableFuture<>();
        connection.addListener(new DaemonListener() {
            @Override
            public void stateChanged(ConnectionState state) {
                if (state instanceof ConnectionState.Connected now) {
                    connected.complete(now);
                }
            }
        });
        if (connection.state() instanceof ConnectionState.Connected now) {
            connected.complete(now);
        }
        return connected;
    }
}
