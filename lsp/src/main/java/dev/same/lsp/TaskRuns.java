package dev.same.lsp;

import dev.same.protocol.RunEvent;
import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.TaskStatus;
import dev.same.protocol.client.CallerEnvironment;
import dev.same.protocol.client.SameClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Runs a task in the workspace's daemon for the Run lens: one work-done progress per task while it runs, and
 * the run's result in a message. The run belongs to the daemon, so the CLI and the task views see it too.
 */
final class TaskRuns {
    private static final AtomicLong COUNT = new AtomicLong();

    private final LanguageClient client;
    private final boolean progress;
    private final Map<String, String> environment;

    /**
     * @param environment this server's (the editor's, which started it): a run carries of it what the CLI's carries
     *                    of the shell's, the remote cache settings included
     */
    TaskRuns(LanguageClient client, boolean progress, Map<String, String> environment) {
        this.client = client;
        this.progress = progress;
        this.environment = CallerEnvironment.of(environment);
    }

    CompletableFuture<Object> run(RootState state, String task) {
        SameClient daemon = state.live().client().orElseThrow(() -> new ResponseErrorException(new ResponseError(
                ResponseErrorCode.RequestFailed, "cannot run " + task + ": "
                + state.live().unavailable().orElse("the daemon is unavailable"), null)));
        String runId = "lsp-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis() + "-"
                + COUNT.incrementAndGet();
        Map<String, CompletableFuture<Void>> begun = new ConcurrentHashMap<>();
        state.live().follow(runId, event -> report(runId, event, begun));
        return daemon.server().runStart(request(runId, task, state.root().toString())).handle((result, error) -> {
            state.live().unfollow(runId);
            String message = error != null ? "same run " + task + " failed: " + rootMessage(error) : summary(task, result);
            client.showMessage(new MessageParams(error == null && result.success() ? MessageType.Info
                    : MessageType.Error, message));
            return message;
        });
    }

    RunParams request(String runId, String task, String root) {
        return new RunParams(runId, List.of(task), root, environment, false, 0);
    }

    private void report(String runId, RunEvent event, Map<String, CompletableFuture<Void>> begun) {
        if (!progress || event.task() == null) {
            return;
        }
        Either<String, Integer> token = Either.forLeft(runId + "/" + event.task());
        switch (event.kind()) {
            case TASK_STARTED -> begin(token, event.task(), begun);
            case TASK_FINISHED -> {
                WorkDoneProgressEnd end = new WorkDoneProgressEnd();
                end.setMessage(event.task() + ": " + event.status().name().toLowerCase(java.util.Locale.ROOT)
                        + (event.reason() == null ? "" : " (" + event.reason() + ")"));
                begin(token, event.task(), begun).thenRun(() -> notify(token, end));
            }
            default -> { }
        }
    }

    /** Creates the task's progress once; the end waits for the begin, which waits for the client's answer. */
    private CompletableFuture<Void> begin(Either<String, Integer> token, String task,
                                          Map<String, CompletableFuture<Void>> begun) {
        return begun.computeIfAbsent(task, first -> {
            WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
            begin.setTitle("same run " + task);
            begin.setCancellable(false);
            return client.createProgress(new WorkDoneProgressCreateParams(token))
                    .handle((ignored, error) -> null)
                    .thenRun(() -> notify(token, begin));
        });
    }

    private void notify(Either<String, Integer> token, WorkDoneProgressNotification value) {
        client.notifyProgress(new ProgressParams(token, Either.forLeft(value)));
    }

    private static String summary(String task, RunResult result) {
        Map<String, TaskStatus> statuses = result.statuses() == null ? Map.of() : result.statuses();
        long cached = statuses.values().stream().filter(status -> status == TaskStatus.CACHED).count();
        long failed = statuses.values().stream().filter(status -> status == TaskStatus.FAILED).count();
        return "same run " + task + ": " + (result.success() ? "✓ succeeded" : "✗ failed") + " (" + statuses.size()
                + (statuses.size() == 1 ? " task" : " tasks") + ", " + cached + " cached"
                + (failed > 0 ? ", " + failed + " failed" : "") + ")";
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause instanceof java.util.concurrent.CompletionException) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
