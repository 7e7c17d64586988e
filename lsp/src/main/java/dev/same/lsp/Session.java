package dev.same.lsp;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The server's shared state, touched only on one thread ({@link #work}) so that edits, validations and
 * requests see each other in the order the editor sent them.
 */
final class Session implements Live.Listener {
    private final ExecutorService work = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("lsp-work").factory());
    private final ScheduledThreadPoolExecutor scheduler = retries();
    private final Documents documents = new Documents();
    private final Diagnostics diagnostics = new Diagnostics(documents);
    private final Workspaces workspaces;
    private volatile LanguageClient client;
    private volatile boolean lensRefresh;

    Session(DaemonDialer dialer) {
        this.workspaces = new Workspaces(dialer, scheduler, this);
    }

    void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    void lensRefresh(boolean supported) {
        this.lensRefresh = supported;
    }

    LanguageClient client() {
        return client;
    }

    Documents documents() {
        return documents;
    }

    Workspaces workspaces() {
        return workspaces;
    }

    void later(Runnable task) {
        work.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.err.println("same lsp: " + e); // one bad document must not stop the others
            }
        });
    }

    <T> CompletableFuture<T> ask(java.util.function.Supplier<T> question) {
        return CompletableFuture.supplyAsync(question, work);
    }

    /** A question about a config file: empty for files the server does not serve. */
    <T> CompletableFuture<T> about(String uri, T none, Function<Target, T> question) {
        return ask(() -> target(uri).map(question).orElse(none));
    }

    /** A config file, its root, its text and outline, and the project it declares. */
    record Target(RootState state, Path file, String text, ConfigOutline outline, String project) {
    }

    Optional<Target> target(String uri) {
        Path file = Documents.path(uri);
        if (!ConfigFiles.isConfig(file)) {
            return Optional.empty();
        }
        RootState state = workspaces.forFile(file);
        String text = documents.textOrDisk(file).orElse("");
        ConfigOutline outline = state.outline(file, text);
        return Optional.of(new Target(state, file, text, outline, state.projectOf(file, outline)));
    }

    /** The outline of any file of a root, from its open buffer or the disk. */
    ConfigOutline outline(Path file) {
        RootState state = workspaces.forFile(file);
        return state.outline(file, documents.textOrDisk(file).orElse(""));
    }

    /** Validates the root of {@code file} with every open buffer and publishes what it finds. */
    void validate(Path file) {
        RootState state = workspaces.forFile(file);
        Analysis analysis = Validator.validate(state.root(), documents.under(state.root()), file);
        if (analysis.workspace() != null) {
            state.loaded(analysis.workspace());
        } else if (analysis.fallback() != null && state.workspace().isEmpty()) {
            state.loaded(analysis.fallback());
        }
        if (client != null) {
            diagnostics.publish(client, state, analysis);
        }
    }

    @Override
    public void statesChanged(Path root) {
        if (lensRefresh && client != null) {
            client.refreshCodeLenses();
        }
    }

    @Override
    public void graphChanged(Path root) {
        later(() -> validate(root.resolve(workfileOrSamefile(root))));
        statesChanged(root);
    }

    private static String workfileOrSamefile(Path root) {
        return root.resolve(dev.same.protocol.client.ConfigFileNames.WORKFILE).toFile().isFile()
                ? dev.same.protocol.client.ConfigFileNames.WORKFILE : dev.same.protocol.client.ConfigFileNames.SAMEFILE;
    }

    /**
     * Stops taking work without interrupting what runs: a thread interrupted while it writes to the editor over an
     * interruptible channel closes that channel, and the answer to {@code shutdown} would never arrive.
     */
    void close() {
        workspaces.close();
        scheduler.shutdown();
        work.shutdown();
    }

    /** Delayed retries are dropped at shutdown, not run. */
    private static ScheduledThreadPoolExecutor retries() {
        ScheduledThreadPoolExecutor retries = new ScheduledThreadPoolExecutor(1,
                Thread.ofVirtual().name("lsp-retry").factory());
        retries.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        retries.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        return retries;
    }
}
