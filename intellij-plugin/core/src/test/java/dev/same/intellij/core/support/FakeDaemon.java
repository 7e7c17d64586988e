package dev.same.intellij.core.support;

import dev.same.protocol.AttachParams;
import dev.same.protocol.CleanParams;
import dev.same.protocol.CleanResult;
import dev.same.protocol.DaemonStatus;
import dev.same.protocol.EnvParams;
import dev.same.protocol.ErrorCodes;
import dev.same.protocol.EnvResult;
import dev.same.protocol.ExplainParams;
import dev.same.protocol.ExplainResult;
import dev.same.protocol.GraphParams;
import dev.same.protocol.GraphResult;
import dev.same.protocol.InitializeParams;
import dev.same.protocol.InitializeResult;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.SameServerApi;
import dev.same.protocol.StatusParams;
import dev.same.protocol.StatusResult;
import dev.same.protocol.CancelParams;
import dev.same.protocol.client.SameClient;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;

/**
 * An in-memory stand-in for a daemon, speaking the protocol through lsp4j (the daemon's own JSON-RPC library) over
 * pipes, for tests of the connection's logic where a real daemon cannot be made to misbehave: it answers
 * {@code initialize} with the given function and nothing else; {@link #hangUp()} ends the link.
 */
public final class FakeDaemon implements SameServerApi {
    private final Function<InitializeParams, CompletableFuture<InitializeResult>> hello;
    private PipedOutputStream toClient;

    public FakeDaemon(Function<InitializeParams, CompletableFuture<InitializeResult>> hello) {
        this.hello = hello;
    }

    public static FakeDaemon answering(long pid) {
        return new FakeDaemon(params -> CompletableFuture.completedFuture(
                new InitializeResult(params.protocolVersion(), "fake", pid, params.root())));
    }

    /** A client connected to this fake daemon. */
    public SameClient connect(SameClientApi pushes) throws IOException {
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        toClient = new PipedOutputStream(clientIn);
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream toServer = new PipedOutputStream(serverIn);
        Launcher<SameClientApi> launcher = new Launcher.Builder<SameClientApi>().setLocalService(this)
                .setRemoteInterface(SameClientApi.class).setInput(serverIn).setOutput(toClient).create();
        launcher.startListening();
        return SameClient.over(clientIn, toServer, pushes, () -> {
            toServer.close();
            clientIn.close();
        });
    }

    /** The daemon goes away: the client sees its connection end. */
    public void hangUp() throws IOException {
        toClient.close();
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        return hello.apply(params);
    }

    private static <T> CompletableFuture<T> unsupported() {
        return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(ErrorCodes.USER_ERROR,
                "not in the fake daemon", null)));
    }

    @Override
    public CompletableFuture<GraphResult> graph(GraphParams params) {
        return CompletableFuture.completedFuture(new GraphResult("/", false, List.of(), List.of(), List.of(),
                List.of()));
    }

    @Override
    public CompletableFuture<StatusResult> status(StatusParams params) {
        return CompletableFuture.completedFuture(new StatusResult(1, List.of(), null));
    }

    @Override
    public CompletableFuture<ExplainResult> explain(ExplainParams params) {
        return unsupported();
    }

    @Override
    public CompletableFuture<EnvResult> environment(EnvParams params) {
        return unsupported();
    }

    @Override
    public CompletableFuture<RunResult> runStart(RunParams params) {
        return unsupported();
    }

    @Override
    public CompletableFuture<Boolean> runCancel(CancelParams params) {
        return unsupported();
    }

    @Override
    public CompletableFuture<RunResult> runAttach(AttachParams params) {
        return unsupported();
    }

    @Override
    public CompletableFuture<CleanResult> clean(CleanParams params) {
        return unsupported();
    }

    @Override
    public CompletableFuture<DaemonStatus> daemonStatus() {
        return unsupported();
    }

    @Override
    public CompletableFuture<Boolean> daemonStop() {
        return unsupported();
    }
}
