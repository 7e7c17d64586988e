package dev.same.protocol.client;

import dev.same.protocol.AttachParams;
import dev.same.protocol.CancelParams;
import dev.same.protocol.CleanParams;
import dev.same.protocol.CleanResult;
import dev.same.protocol.DaemonStatus;
import dev.same.protocol.EnvParams;
import dev.same.protocol.EnvResult;
import dev.same.protocol.ExplainParams;
import dev.same.protocol.ExplainResult;
import dev.same.protocol.GraphParams;
import dev.same.protocol.GraphResult;
import dev.same.protocol.InitializeParams;
import dev.same.protocol.InitializeResult;
import dev.same.protocol.Methods;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.SameServerApi;
import dev.same.protocol.StatusParams;
import dev.same.protocol.StatusResult;
import java.util.concurrent.CompletableFuture;

/** {@link SameServerApi} as requests on a {@link JsonRpcConnection}. */
record RemoteServer(JsonRpcConnection connection) implements SameServerApi {
    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        return connection.request(Methods.INITIALIZE, params, InitializeResult.class);
    }

    @Override
    public CompletableFuture<GraphResult> graph(GraphParams params) {
        return connection.request(Methods.GRAPH, params, GraphResult.class);
    }

    @Override
    public CompletableFuture<StatusResult> status(StatusParams params) {
        return connection.request(Methods.STATUS, params, StatusResult.class);
    }

    @Override
    public CompletableFuture<ExplainResult> explain(ExplainParams params) {
        return connection.request(Methods.EXPLAIN, params, ExplainResult.class);
    }

    @Override
    public CompletableFuture<EnvResult> environment(EnvParams params) {
        return connection.request(Methods.ENVIRONMENT, params, EnvResult.class);
    }

    @Override
    public CompletableFuture<RunResult> runStart(RunParams params) {
        return connection.request(Methods.RUN_START, params, RunResult.class);
    }

    @Override
    public CompletableFuture<Boolean> runCancel(CancelParams params) {
        return connection.request(Methods.RUN_CANCEL, params, Boolean.class);
    }

    @Override
    public CompletableFuture<RunResult> runAttach(AttachParams params) {
        return connection.request(Methods.RUN_ATTACH, params, RunResult.class);
    }

    @Override
    public CompletableFuture<CleanResult> clean(CleanParams params) {
        return connection.request(Methods.CLEAN, params, CleanResult.class);
    }

    @Override
    public CompletableFuture<DaemonStatus> daemonStatus() {
        return connection.request(Methods.DAEMON_STATUS, null, DaemonStatus.class);
    }

    @Override
    public CompletableFuture<Boolean> daemonStop() {
        return connection.request(Methods.DAEMON_STOP, null, Boolean.class);
    }
}
