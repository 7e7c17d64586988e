package dev.same.server.hash;

import dev.same.server.SameException;
import dev.same.server.hash.ResolvedInputs.ResolvedFile;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Resolves a task's input patterns and digests every file, on a few threads when there are many. */
public final class InputDigester {
    /** Below this many files per thread, starting threads costs more than it saves. */
    private static final int FILES_PER_THREAD = 64;

    private final InputResolver resolver;
    private final int parallelism;

    public InputDigester() {
        this(new InputResolver(), Runtime.getRuntime().availableProcessors());
    }

    public InputDigester(InputResolver resolver, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.resolver = resolver;
        this.parallelism = parallelism;
    }

    /** The task's input files, sorted by path, with their digests. */
    public List<InputFile> digestInputs(Path root, List<String> patterns, FileDigests digests) {
        return digest(root, resolver.resolve(root, patterns), digests);
    }

    public List<InputFile> digest(Path root, ResolvedInputs inputs, FileDigests digests) {
        List<ResolvedFile> files = inputs.files();
        var result = new InputFile[files.size()];
        var next = new AtomicInteger();
        var failure = new AtomicReference<RuntimeException>();
        Runnable worker = () -> {
            for (int i; failure.get() == null && (i = next.getAndIncrement()) < files.size(); ) {
                String path = files.get(i).path();
                try {
                    result[i] = new InputFile(path, digests.digest(root, path, files.get(i).stat()));
                } catch (NoSuchFileException e) {
                    failure.compareAndSet(null, new SameException("input not found: " + path,
                            List.of("it was deleted while its task was being hashed")));
                } catch (IOException e) {
                    failure.compareAndSet(null, new SameException("cannot read input " + path + ": " + e.getMessage(), List.of(), e));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int threads = Math.min(parallelism, Math.ceilDiv(files.size(), FILES_PER_THREAD));
        if (threads <= 1) {
            worker.run();
        } else {
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < threads; t++) {
                    executor.execute(worker);
                }
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return List.of(result);
    }
}
