package dev.same.lsp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * An editor as the language server sees it: records what the server sends and lets a test wait for it. Waits
 * are on the server's messages (a monitor notified by each), never on the clock, except for a deadline.
 */
public final class RecordingClient implements LanguageClient {
    private static final long DEADLINE_MILLIS = 60_000;

    private final Map<String, List<Diagnostic>> diagnostics = new HashMap<>();
    private final List<String> messages = new ArrayList<>();
    private final List<ProgressParams> progress = new ArrayList<>();
    private int lensRefreshes;

    @Override
    public synchronized void publishDiagnostics(PublishDiagnosticsParams params) {
        diagnostics.put(params.getUri(), params.getDiagnostics());
        notifyAll();
    }

    @Override
    public synchronized void showMessage(MessageParams params) {
        messages.add(params.getMessage());
        notifyAll();
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void notifyProgress(ProgressParams params) {
        progress.add(params);
        notifyAll();
    }

    @Override
    public synchronized CompletableFuture<Void> refreshCodeLenses() {
        lensRefreshes++;
        notifyAll();
        return CompletableFuture.completedFuture(null);
    }

    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    public synchronized List<ProgressParams> progress() {
        return List.copyOf(progress);
    }

    /** Waits until the diagnostics last published for {@code uri} satisfy {@code wanted}. */
    public synchronized List<Diagnostic> awaitDiagnostics(String uri, Predicate<List<Diagnostic>> wanted, String what) {
        return await(() -> {
            List<Diagnostic> published = diagnostics.get(uri);
            return published != null && wanted.test(published) ? published : null;
        }, () -> what + "; last published for " + uri + ": " + diagnostics.get(uri));
    }

    public synchronized void awaitProgress(Predicate<List<ProgressParams>> wanted, String what) {
        await(() -> wanted.test(progress) ? progress : null, () -> what + "; got " + progress);
    }

    /**
     * Asks {@code question} until its answer satisfies {@code wanted}, asking again after each code lens refresh
     * the server sends: the way an editor re-reads lenses when told they changed.
     */
    public <T> T askUntil(Supplier<T> question, Predicate<T> wanted, String what) {
        T answer = null;
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            int refreshes;
            synchronized (this) {
                refreshes = lensRefreshes;
            }
            answer = question.get();
            if (wanted.test(answer)) {
                return answer;
            }
            synchronized (this) {
                while (lensRefreshes == refreshes && System.currentTimeMillis() < deadline) {
                    waitAtMost(deadline);
                }
            }
        }
        throw new AssertionError("timed out waiting for " + what + "; last answer: " + answer);
    }

    private <T> T await(Supplier<T> found, Supplier<String> what) {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        T value;
        while ((value = found.get()) == null) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            waitAtMost(deadline);
        }
        return value;
    }

    private void waitAtMost(long deadline) {
        try {
            wait(Math.max(1, deadline - System.currentTimeMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
