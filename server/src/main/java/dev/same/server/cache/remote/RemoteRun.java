package dev.same.server.cache.remote;

import dev.same.server.cache.ActionRecord;
import dev.same.server.cache.CacheDirectory;
import dev.same.server.config.TaskDef;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The remote cache as one run uses it. The first failure of the server makes the rest of the run go on without it,
 * with one warning; content it refuses is reported task by task. A run never fails because of the remote cache.
 */
public final class RemoteRun {
    private final RemoteCache remote;
    private final Uploads uploads;
    private final Consumer<String> log;
    private final AtomicBoolean unusable = new AtomicBoolean();

    RemoteRun(RemoteCache remote, Uploads uploads, Consumer<String> log) {
        this.remote = remote;
        this.uploads = uploads;
        this.log = log;
    }

    /**
     * The task's result from the remote cache, stored in the local one; empty on a miss or when the server cannot
     * be used. {@code warning} gets the one line to show the user about it, if any.
     */
    public Optional<RemoteHit> fetch(TaskDef task, String hash, CacheDirectory cache, Consumer<String> warning) {
        if (unusable.get()) {
            return Optional.empty();
        }
        try {
            return remote.fetch(task, hash, cache);
        } catch (RemoteFailure e) {
            if (unusable.compareAndSet(false, true)) {
                warning.accept(unusableWarning(e));
            }
        } catch (RefusedContent e) {
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

    /**
     * Uploads a result in the background, unless the cache is read-only or failed earlier in this run. A failure is
     * told to {@code warning} when it takes it (the run is still going), else written to the log.
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
                    String line = "warning: uploading the result of " + record.taskId() + " to the remote cache "
                            + "failed: " + e.getMessage() + "; this run goes on without it";
                    if (!warning.test(line)) {
                        log.accept(line);
                    }
                }
            }
        });
    }

    private String unusableWarning(RemoteFailure e) {
        return "warning: remote cache unusable: " + e.getMessage() + "; this run goes on without it";
    }
}
