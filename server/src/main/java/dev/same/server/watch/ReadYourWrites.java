package dev.same.server.watch;

import dev.same.protocol.client.PrivateFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Read-your-writes: a request that must see every file change made before it (a status after a save, a run after
 * an edit) waits until the live state has applied them. The whole flow:
 * <ol>
 *   <li>{@link #await} writes an empty cookie file under {@value #COOKIE_DIRECTORY} and waits for it.</li>
 *   <li>The watcher reports the cookie after every event before it (inotify keeps order) and, since someone is
 *       waiting, the {@link Debouncer} delivers that batch at once instead of after the quiet period
 *       ({@link Debouncer#changedAwaited}).</li>
 *   <li>The live state calls {@link #batchStarting} before applying a batch and runs what it returns once the
 *       batch is applied and published: that answers every cookie the batch contains.</li>
 *   <li>When the watcher is degraded (polling) there are no events to wait for: {@link #await} asks for a rescan
 *       instead, and a rescan batch answers every request made before it began (not those made while it runs,
 *       which might miss a file the rescan had already passed).</li>
 *   <li>A request that is not answered in time answers anyway with what is known rather than hang, and the
 *       waiter deletes its cookie either way.</li>
 * </ol>
 */
public final class ReadYourWrites {
    public static final String COOKIE_DIRECTORY = ".same/cookies";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration RESCAN_WAIT = WAIT.multipliedBy(3);
    private static final String RESCAN_KEY = "rescan:";

    private final Path root;
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    public ReadYourWrites(Path root) {
        this.root = root;
    }

    static boolean isCookie(String relative) {
        return relative.startsWith(COOKIE_DIRECTORY + "/");
    }

    static void createCookieDirectory(Path root) throws IOException {
        PrivateFiles.createDirectories(root.resolve(COOKIE_DIRECTORY));
    }

    /**
     * Makes the cookie directory if it is missing, but never {@code .same/} itself: a daemon whose {@code .same/}
     * was deleted is about to stop, and must not leave one behind.
     */
    private void cookieDirectoryInsideStateDirectory() throws IOException {
        try {
            PrivateFiles.createDirectory(root.resolve(COOKIE_DIRECTORY));
        } catch (FileAlreadyExistsException usual) {
            // made when the watcher started
        }
    }

    /**
     * Returns once the changes made before this call have been applied, or after a few seconds.
     *
     * @param polling whether the watcher is degraded and only rescans see changes
     * @param rescan  asks the watcher for a rescan
     */
    public void await(boolean polling, Runnable rescan) {
        String name = UUID.randomUUID().toString();
        String key = polling ? RESCAN_KEY + name : COOKIE_DIRECTORY + "/" + name;
        CompletableFuture<Void> seen = new CompletableFuture<>();
        waiting.put(key, seen);
        Path cookie = polling ? null : root.resolve(key);
        try {
            if (polling) {
                rescan.run();
            } else {
                cookieDirectoryInsideStateDirectory();
                PrivateFiles.write(cookie, new byte[0]);
            }
            seen.get((polling ? RESCAN_WAIT : WAIT).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // a slow or degraded watcher: answer with what is known rather than hang
        } finally {
            waiting.remove(key);
            deleteQuietly(cookie);
        }
    }

    /**
     * Called before a batch is applied; the returned action, run once it is applied and published, answers the
     * requests the batch satisfies.
     */
    public Runnable batchStarting(ChangeBatch batch) {
        Set<String> answered = batch.rescan() ? Set.copyOf(waiting.keySet()) : Set.of();
        return () -> {
            batch.paths().stream().filter(ReadYourWrites::isCookie).forEach(this::answer);
            answered.forEach(this::answer);
        };
    }

    private void answer(String key) {
        CompletableFuture<Void> request = waiting.get(key);
        if (request != null) {
            request.complete(null);
        }
    }

    private static void deleteQuietly(Path cookie) {
        try {
            if (cookie != null) {
                Files.deleteIfExists(cookie);
            }
        } catch (IOException ignored) {
            // removed by the next clean-up
        }
    }
}
