package dev.same.protocol;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/** Requests a client sends to the daemon (or to the in-process server). See PROTOCOL.md. */
public interface SameServerApi {

    @JsonRequest("initialize")
    CompletableFuture<InitializeResult> initialize(InitializeParams params);

    @JsonRequest("workspace/graph")
    CompletableFuture<GraphResult> graph(GraphParams params);

    /** Runs the targets; events and output are pushed while it runs; completes when the run has finished. */
    /** Every task's live state (clean, dirty, running, failed, unknown) and why. */
    @JsonRequest("workspace/status")
    CompletableFuture<StatusResult> status(StatusParams params);

    /** What changed for one task since its last successful run, file by file. */
    @JsonRequest("task/explain")
    CompletableFuture<ExplainResult> explain(ExplainParams params);

    /** The environment one task would run with, resolving its tools or env command if needed. */
    @JsonRequest("task/environment")
    CompletableFuture<EnvResult> environment(EnvParams params);

    @JsonRequest("run/start")
    CompletableFuture<RunResult> runStart(RunParams params);

    @JsonRequest("run/cancel")
    CompletableFuture<Boolean> runCancel(CancelParams params);

    /** Follows a live run; completes with its result when it finishes. */
    @JsonRequest("run/attach")
    CompletableFuture<RunResult> runAttach(AttachParams params);

    @JsonRequest("workspace/clean")
    CompletableFuture<CleanResult> clean(CleanParams params);

    @JsonRequest("daemon/status")
    CompletableFuture<DaemonStatus> daemonStatus();

    /** Cancels runs, answers, then shuts the daemon down. */
    @JsonRequest("daemon/stop")
    CompletableFuture<Boolean> daemonStop();
}
