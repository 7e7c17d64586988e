package dev.same.protocol;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/** Requests a client sends to the daemon (or to the in-process server). See PROTOCOL.md. */
public interface SameServerApi {

    @JsonRequest(Methods.INITIALIZE)
    CompletableFuture<InitializeResult> initialize(InitializeParams params);

    @JsonRequest(Methods.GRAPH)
    CompletableFuture<GraphResult> graph(GraphParams params);

    /** Every task's live state (clean, dirty, running, failed, unknown) and why. */
    @JsonRequest(Methods.STATUS)
    CompletableFuture<StatusResult> status(StatusParams params);

    /** What changed for one task since its last successful run, file by file. */
    @JsonRequest(Methods.EXPLAIN)
    CompletableFuture<ExplainResult> explain(ExplainParams params);

    /** The environment one task would run with, resolving its tools or env command if needed. */
    @JsonRequest(Methods.ENVIRONMENT)
    CompletableFuture<EnvResult> environment(EnvParams params);

    /** Runs the targets; events and output are pushed while it runs; completes when the run has finished. */
    @JsonRequest(Methods.RUN_START)
    CompletableFuture<RunResult> runStart(RunParams params);

    @JsonRequest(Methods.RUN_CANCEL)
    CompletableFuture<Boolean> runCancel(CancelParams params);

    /** Follows a live run; completes with its result when it finishes. */
    @JsonRequest(Methods.RUN_ATTACH)
    CompletableFuture<RunResult> runAttach(AttachParams params);

    @JsonRequest(Methods.CLEAN)
    CompletableFuture<CleanResult> clean(CleanParams params);

    @JsonRequest(Methods.DAEMON_STATUS)
    CompletableFuture<DaemonStatus> daemonStatus();

    /** Cancels runs, answers, then shuts the daemon down. */
    @JsonRequest(Methods.DAEMON_STOP)
    CompletableFuture<Boolean> daemonStop();
}
