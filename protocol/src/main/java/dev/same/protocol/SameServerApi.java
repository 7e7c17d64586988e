package dev.same.protocol;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/** Requests a client sends to the daemon (or to the in-process server). */
public interface SameServerApi {

    @JsonRequest("workspace/graph")
    CompletableFuture<GraphResult> graph(GraphParams params);

    /** Runs the targets; events and output are pushed while it runs; completes when the run has finished. */
    @JsonRequest("run/start")
    CompletableFuture<RunResult> runStart(RunParams params);

    @JsonRequest("run/cancel")
    CompletableFuture<Boolean> runCancel(CancelParams params);

    @JsonRequest("workspace/clean")
    CompletableFuture<CleanResult> clean(CleanParams params);
}
