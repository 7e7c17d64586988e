package dev.same.server.watch;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeListener;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Watches the workspace recursively (inotify through directory-watcher, its own hashing off: same hashes
 * itself) and hands debounced batches of changed paths on. Lost events never go unnoticed: an overflow or
 * any watcher error asks for a rescan; when watching cannot start or the inotify watch limit is hit, the
 * workspace is scanned periodically instead and the health listener is told why and what to do.
 */
public final class WorkspaceWatcher implements AutoCloseable {
    /** What the daemon reports when the watcher degrades or recovers. */
    public record HealthChange(boolean degraded, String reason, String remedy) {
    }

    private final Path root;
    private final WatchFilter filter;
    private final Debouncer debouncer;
    private final Timer timer;
    private final Duration pollInterval;
    private final Consumer<HealthChange> health;
    private final WatcherStatistics statistics = new WatcherStatistics();
    /** Registered directories: directory-watcher visits each twice (to list it, then to register it). */
    private final Set<String> directories = ConcurrentHashMap.newKeySet();
    private volatile DirectoryWatcher watcher;
    private volatile boolean polling;
    private volatile boolean closed;

    public WorkspaceWatcher(Path root, WatchFilter filter, Debouncer debouncer, Timer timer, Duration pollInterval,
                            Consumer<HealthChange> health) {
        this.root = root;
        this.filter = filter;
        this.debouncer = debouncer;
        this.timer = timer;
        this.pollInterval = pollInterval;
        this.health = health;
    }

    public WatcherStatistics statistics() {
        return statistics;
    }

    public boolean polling() {
        return polling;
    }

    /** Asks for a rescan of the whole workspace, as after lost events. */
    public void rescan() {
        lost();
    }

    /**
     * Registers the directories again, for a filter that now lets through directories it skipped before (those were
     * never registered), then rescans, since changes made while the watches were being replaced may be lost.
     */
    public synchronized void rewatch() {
        if (closed || polling) {
            return; // polling rescans everything anyway
        }
        closeWatcher();
        directories.clear();
        statistics.directories.set(0);
        start();
        lost();
    }

    public void start() {
        try {
            ReadYourWrites.createCookieDirectory(root);
            watcher = DirectoryWatcher.builder()
                    .path(root)
                    .fileHashing(false)
                    .fileTreeVisitor(new SkippingVisitor())
                    .listener(new Listener())
                    .build();
            // registering the directories happens here; a failure (the watch limit) only fails the future
            DirectoryWatcher started = watcher;
            started.watchAsync(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("same-watcher").factory()))
                    .whenComplete((ignored, error) -> {
                        if (started == watcher) { // not one replaced by rewatch()
                            stopped(error);
                        }
                    });
        } catch (IOException | RuntimeException e) {
            degrade("file watching could not start: " + e.getMessage());
        }
    }

    /** The watcher gave up (it could not register the directories, or its event loop ended): scan instead. */
    private void stopped(Throwable error) {
        if (closed) {
            return;
        }
        closeWatcher();
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        degrade(cause == null ? "file watching stopped" : "file watching could not start: " + cause.getMessage());
    }

    private final class Listener implements DirectoryChangeListener {
        @Override
        public void onEvent(DirectoryChangeEvent event) {
            statistics.events.incrementAndGet();
            if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
                lost();
                return;
            }
            String relative = relative(event.path());
            if (relative != null && event.eventType() == DirectoryChangeEvent.EventType.DELETE
                    && directories.remove(relative)) {
                statistics.directories.decrementAndGet();
            }
            if (relative != null && ReadYourWrites.isCookie(relative)) {
                debouncer.changedAwaited(relative);
            } else if (relative != null && !filter.ignored(relative)) {
                debouncer.changed(relative);
            }
        }

        @Override
        public void onException(Exception e) {
            // directory-watcher reports overflows and watch-limit failures only here: events may be lost
            lost();
            String message = String.valueOf(e.getMessage());
            if (message.contains("inotify") || message.contains("watch")) {
                degrade("the inotify watch limit was reached: " + message);
            }
        }

        @Override
        public boolean isWatching() {
            return !closed;
        }
    }

    private void lost() {
        statistics.rescans.incrementAndGet();
        debouncer.lost();
    }

    /** Falls back to scanning the whole workspace every poll interval. */
    private synchronized void degrade(String reason) {
        if (polling || closed) {
            return;
        }
        polling = true;
        health.accept(new HealthChange(true, reason + "; scanning every " + pollInterval.toSeconds() + "s instead",
                "raise the limit: sudo sysctl fs.inotify.max_user_watches=524288 (and "
                        + "fs.inotify.max_user_instances), then 'same daemon restart'"));
        schedulePoll();
    }

    private void schedulePoll() {
        timer.schedule(pollInterval, () -> {
            if (!closed) {
                lost();
                schedulePoll();
            }
        });
    }

    private String relative(Path path) {
        if (path == null || !path.startsWith(root)) {
            return null;
        }
        return root.relativize(path).toString().replace('\\', '/');
    }

    /** Registers directories for watching, skipping ignored subtrees so they cost no inotify watches. */
    private final class SkippingVisitor implements FileTreeVisitor {
        @Override
        public void recursiveVisitFiles(Path start, Callback onDirectory, Callback onFile) throws IOException {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    String relative = relative(dir);
                    if (relative != null && filter.ignored(relative)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    onDirectory.call(dir);
                    if (relative != null && directories.add(relative)) {
                        statistics.directories.incrementAndGet();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    onFile.call(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        closeWatcher();
    }

    private void closeWatcher() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException ignored) {
                // shutting down
            }
        }
    }
}
