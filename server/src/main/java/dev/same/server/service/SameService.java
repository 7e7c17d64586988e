package dev.same.server.service;

import dev.same.protocol.AttachParams;
import dev.same.protocol.CancelParams;
import dev.same.protocol.CleanParams;
import dev.same.protocol.CleanResult;
import dev.same.protocol.DaemonStatus;
import dev.same.protocol.EnvParams;
import dev.same.protocol.EnvResult;
import dev.same.protocol.ErrorCodes;
import dev.same.protocol.ExplainParams;
import dev.same.protocol.ExplainResult;
import dev.same.protocol.StatusParams;
import dev.same.protocol.StatusResult;
import dev.same.protocol.GraphParams;
import dev.same.protocol.GraphResult;
import dev.same.protocol.InitializeParams;
import dev.same.protocol.InitializeResult;
import dev.same.protocol.Protocol;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.SameServerApi;
import dev.same.protocol.WireNamed;
import dev.same.server.SameException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * One client's session with a server: serves its requests from the shared {@link WorkspaceEngine} and sends
 * it its pushes. Errors the user can fix travel as {@link ErrorCodes#USER_ERROR} with their context lines.
 */
public final class SameService implements SameServerApi, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SameService.class.getName());
    private final WorkspaceEngine engine;
    private final SameClientApi client;
    private final DaemonControl daemon;
    private final String serverVersion;
    private final Set<String> ownRuns = ConcurrentHashMap.newKeySet();
    private volatile String clientDescription = "unknown client";
    private volatile String subscriptions = "no pushes";
    private volatile boolean greeted; // initialize came (daemon only: the in-process client is ours)
    private int unanswered; // guarded by this

    /**
     * @param daemon null in process: daemon/status and daemon/stop are then refused
     */
    public SameService(WorkspaceEngine engine, SameClientApi client, DaemonControl daemon, String serverVersion) {
        this.engine = engine;
        this.client = client;
        this.daemon = daemon;
        this.serverVersion = serverVersion;
    }

    /** Who the client said it is and what it subscribed to. */
    public String clientDescription() {
        return clientDescription + ", " + subscriptions;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        // here, not in the request's thread: requests sent right after it must find it done
        if (params != null) {
            greeted = true;
        }
        CompletableFuture<InitializeResult> answer = serve(() -> {
            required(params, "initialize");
            clientDescription = params.clientName() + " " + params.clientVersion();
            if (params.protocolVersion() != Protocol.VERSION) {
                throw new ResponseErrorException(new ResponseError(ErrorCodes.VERSION_MISMATCH,
                        "protocol version " + params.protocolVersion() + " is not supported; this server speaks "
                                + Protocol.VERSION, null));
            }
            if (daemon != null) {
                engine.subscribers().subscribe(client, params.subscriptions());
                subscriptions = params.subscriptions() == null ? "all pushes"
                        : params.subscriptions().isEmpty() ? "no pushes" : params.subscriptions().stream().map(WireNamed::of).collect(Collectors.joining(", "));
            }
            return new InitializeResult(Protocol.VERSION, serverVersion, ProcessHandle.current().pid(),
                    engine.root().toString());
        });
        if (daemon != null) {
            // after the answer (whose sending runs first among the callbacks): a degraded watcher, if any
            answer.thenRun(() -> Thread.ofVirtual().name("same-health").start(() ->
                    engine.subscribers().sendCurrentHealth(client, engine.health())));
        }
        return answer;
    }

    @Override
    public CompletableFuture<GraphResult> graph(GraphParams params) {
        return async(engine::graph);
    }

    @Override
    public CompletableFuture<StatusResult> status(StatusParams params) {
        return async(() -> engine.status(required(params, "workspace/status")));
    }

    @Override
    public CompletableFuture<ExplainResult> explain(ExplainParams params) {
        return async(() -> engine.explain(required(params, "task/explain", ExplainParams::task, "task")));
    }

    @Override
    public CompletableFuture<EnvResult> environment(EnvParams params) {
        return async(() -> engine.environment(required(params, "task/environment", EnvParams::task, "task")));
    }

    @Override
    public CompletableFuture<RunResult> runStart(RunParams params) {
        return async(() -> {
            required(params, "run/start");
            if (params.runId() != null) {
                ownRuns.add(params.runId());
            }
            try {
                return engine.run(params, client);
            } finally {
                if (params.runId() != null) {
                    ownRuns.remove(params.runId());
                }
            }
        });
    }

    @Override
    public CompletableFuture<Boolean> runCancel(CancelParams params) {
        return async(() -> engine.cancel(required(params, "run/cancel", CancelParams::runId, "runId").runId()));
    }

    @Override
    public CompletableFuture<RunResult> runAttach(AttachParams params) {
        return async(() -> engine.attach(required(params, "run/attach", AttachParams::runId, "runId"), client).get());
    }

    @Override
    public CompletableFuture<CleanResult> clean(CleanParams params) {
        return async(() -> engine.clean(required(params, "workspace/clean")));
    }

    @Override
    public CompletableFuture<DaemonStatus> daemonStatus() {
        return async(() -> requireDaemon().status());
    }

    @Override
    public CompletableFuture<Boolean> daemonStop() {
        return async(() -> {
            requireDaemon().requestStop();
            return true;
        });
    }

    private DaemonControl requireDaemon() {
        if (daemon == null) {
            throw new SameException("not connected to a daemon (running in process)");
        }
        return daemon;
    }

    /** The client went away: its runs are cancelled (runs it only attached to go on). */
    @Override
    public void close() {
        engine.subscribers().unsubscribe(client);
        ownRuns.forEach(engine::cancel);
    }

    /**
     * Waits until every request received so far has been answered (its response handed to the connection), at
     * most {@code timeout}; a shutting-down daemon calls it before it closes the connection.
     */
    public synchronized boolean awaitAnswered(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unanswered > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private synchronized void requestReceived() {
        unanswered++;
    }

    private synchronized void requestAnswered() {
        unanswered--;
        notifyAll();
    }

    private static <P> P required(P params, String method) {
        if (params == null) {
            throw invalidParams(method + " needs params");
        }
        return params;
    }

    private static <P> P required(P params, String method, Function<P, Object> value, String field) {
        if (value.apply(required(params, method)) == null) {
            throw invalidParams(method + " needs " + field);
        }
        return params;
    }

    private static ResponseErrorException invalidParams(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                "invalid params: " + message, null));
    }

    private <T> CompletableFuture<T> async(Callable<T> work) {
        if (daemon != null && !greeted) {
            daemon.touched();
            return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                    ErrorCodes.NOT_INITIALIZED, "initialize first: the first request on a connection must be "
                    + "'initialize'", null)));
        }
        return serve(work);
    }

    private <T> CompletableFuture<T> serve(Callable<T> work) {
        if (daemon != null) {
            daemon.touched();
        }
        CompletableFuture<T> future = new CompletableFuture<>();
        requestReceived();
        Thread.ofVirtual().name("same-request").start(() -> {
            try {
                // completing sends the response: lsp4j's callback runs in this thread
                future.complete(work.call());
            } catch (Throwable e) {
                Throwable answer = toResponseError(e);
                if (daemon != null && answer instanceof ResponseErrorException r
                        && r.getResponseError().getCode() == ErrorCodes.INTERNAL_ERROR) {
                    LOG.log(Level.SEVERE, "internal error serving " + clientDescription, e);
                }
                future.completeExceptionally(answer);
            } finally {
                requestAnswered();
                if (daemon != null) {
                    daemon.touched();
                }
            }
        });
        return future;
    }

    static Throwable toResponseError(Throwable error) {
        Throwable cause = error;
        while (cause instanceof java.util.concurrent.ExecutionException
                || cause instanceof java.util.concurrent.CompletionException) {
            if (cause.getCause() == null) {
                break;
            }
            cause = cause.getCause();
        }
        return switch (cause) {
            case ResponseErrorException e -> e;
            case SameException e -> new ResponseErrorException(new ResponseError(ErrorCodes.USER_ERROR,
                    e.getMessage(), e.context()));
            default -> new ResponseErrorException(new ResponseError(ErrorCodes.INTERNAL_ERROR,
                    "internal error: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()),
                    null));
        };
    }
}
