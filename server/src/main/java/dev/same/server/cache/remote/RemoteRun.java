package dev.same.server.cache.remote;

import dev.same.server.cache.ActionRecord;
import dev.same.server.cache.CacheDirectory;
import dev.same.server.cache.ContentStore;
import dev.same.server.config.TaskDef;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The remote cache as one run uses it. The first failure of the server makes the rest of the run go on without it,
 * with one warning; content it refuses is reported task by task. A run never fails because of the remote cache.
 * Results can be fetched ahead ({@link #prefetch}), so that the round-trips of many tasks overlap; a task then takes
 * what was fetched for it ({@link #fetch}).
 */
public final class RemoteRun {
    /** How many tasks' results are fetched ahead at once. */
    static final int AHEAD = 16;

    private final RemoteCache remote;
    private final Uploads uploads;
    private final Consumer<String> lateFailure;
    private final List<String> notices;
    private final AtomicBoolean unusable = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** What was fetched ahead, by task and hash; {@link #TAKEN} once the task has asked (so not fetched again). */
    private final Map<String, CompletableFuture<Optional<RemoteHit>>> ahead = new ConcurrentHashMap<>();
    private static final CompletableFuture<Optional<RemoteHit>> TAKEN = CompletableFuture.completedFuture(
            Optional.empty());
    private final Semaphore aheadSlots = new Semaphore(AHEAD);
    private final AtomicReference<RemoteFailure> aheadFailure = new AtomicReference<>();

    /**
     * @param lateFailure where an upload failure goes when its run has ended (what failed, without "warning: ")
     * @param notices     what to tell this run's user first (failures left over from earlier runs)
     */
    RemoteRun(RemoteCache remote, Uploads uploads, Consumer<String> lateFailure, List<String> notices) {
        this.remote = remote;
        this.uploads = uploads;
        this.lateFailure = lateFailure;
        this.notices = List.copyOf(notices);
    }

    /** Warnings for the start of the run: uploads of earlier runs that failed after those runs had ended. */
    public List<String> notices() {
        return notices;
    }

    /**
     * Starts fetching the result of {@code task} with {@code hash} into the local content store, in the background,
     * once fewer than {@value #AHEAD} are under way (waiting for that); {@link #fetch} with the same hash takes it.
     * After a failure of the server, nothing more is fetched ahead.
     */
    public void prefetch(TaskDef task, String hash, ContentStore store) throws InterruptedException {
        if (unusable.get() || closed.get() || aheadFailure.get() != null) {
            return;
        }
        aheadSlots.acquire();
        CompletableFuture<Optional<RemoteHit>> result = new CompletableFuture<>();
        if (closed.get() || ahead.putIfAbsent(key(task, hash), result) != null) {
            aheadSlots.release();
            return;
        }
        Thread.ofVirtual().name("same-remote-fetch-ahead").start(() -> {
            try {
                RemoteFailure earlier = aheadFailure.get();
                if (earlier != null) {
                    result.completeExceptionally(earlier);
                } else {
                    result.complete(remote.download(task, hash, store));
                }
            } catch (RemoteFailure e) {
                aheadFailure.compareAndSet(null, e);
                result.completeExceptionally(e);
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                result.completeExceptionally(new IllegalStateException("fetching ahead failed")); // after an Error
                aheadSlots.release();
            }
        });
    }

    /**
     * The task's result from the remote cache (fetched ahead for this hash, else now), stored in the local one;
     * empty on a miss or when the server cannot be used. {@code warning} gets the one line to show the user about
     * it, if any.
     */
    public Optional<RemoteHit> fetch(TaskDef task, String hash, CacheDirectory cache, Consumer<String> warning) {
        CompletableFuture<Optional<RemoteHit>> fetched = ahead.put(key(task, hash), TAKEN);
        if (unusable.get()) {
            return Optional.empty();
        }
        try {
            return remote.keep(fetched != null && fetched != TAKEN ? RemoteCache.outcome(fetched)
                    : remote.download(task, hash, cache.contentStore()), cache);
        } catch (RemoteFailure e) {
            remote.failed(e);
            if (unusable.compareAndSet(false, true)) {
                warning.accept(unusableWarning(e));
            }
        } catch (RefusedContent e) {
            remote.failed(e);
            warning.accept("warning: the remote cache's result for " + task.id() + " is not used: " + e.getMessage()
                    + "; running the task");
        } catch (IOException e) {
            warning.accept("warning: the remote cache's result for " + task.id() + " could not be stored locally: "
                    + e.getMessage() + "; running the task");
        } catch (RuntimeException e) {
            if (unusable.compareAndSet(false, true)) { // a bug of ours, or of the HTTP client: never the run's end
                warning.accept("warning: remote cache unusable: " + e.getClass().getSimpleName()
                        + "; this run goes on without it");
            }
        }
        return Optional.empty();
    }

    private static String key(TaskDef task, String hash) {
        return task.id() + "\n" + hash;
    }

    /**
     * Uploads a result in the background, unless the cache is read-only or failed earlier in this run. A failure is
     * told to {@code warning} when it takes it (the run is still going), else to the late failures.
     */
    public void upload(ActionRecord record, CacheDirectory cache, Predicate<String> warning) {
        if (remote.endpoint().readOnly() || unusable.get()) {
            return;
        }
        uploads.submit(() -> {
            if (unusable.get()) {
                return;
            }
            try {
                remote.upload(record, cache.contentStore());
            } catch (IOException | RuntimeException e) {
                if (unusable.compareAndSet(false, true)) {
                    String failure = "uploading the result of " + record.taskId() + " to the remote cache failed: "
                            + e.getMessage();
                    if (!warning.test("warning: " + failure + "; this run goes on without it")) {
                        lateFailure.accept(failure);
                    }
                }
            }
        });
    }

    /** The run has ended: what was fetched ahead and not taken is dropped, and nothing more is. */
    public void close() {
        closed.set(true);
        ahead.clear();
    }

    private String unusableWarning(RemoteFailure e) {
        return "warning: remote cache unusable: " + e.getMessage() + "; this run goes on without it";
    }
}
