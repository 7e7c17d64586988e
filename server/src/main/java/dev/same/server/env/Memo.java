package dev.same.server.env;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Values computed once per key, however many threads ask at the same time (single flight): the first computes,
 * the others wait for its result. Results are kept until removed; failures are kept too when
 * {@code keepFailures}, so that a broken environment is not retried on every status update, and retried when a
 * caller asks for it.
 */
public final class Memo<K, V> {
    private final ConcurrentHashMap<K, CompletableFuture<V>> values = new ConcurrentHashMap<>();
    private final boolean keepFailures;

    Memo(boolean keepFailures) {
        this.keepFailures = keepFailures;
    }

    /**
     * @param retryFailed compute again if the kept value is a failure
     * @param onHit       called when the value was already known or being computed
     */
    V get(K key, Supplier<V> compute, boolean retryFailed, Runnable onHit) {
        while (true) {
            CompletableFuture<V> known = values.get(key);
            if (known != null) {
                if (retryFailed && known.isCompletedExceptionally()) {
                    values.remove(key, known);
                    continue;
                }
                onHit.run();
                return join(known);
            }
            CompletableFuture<V> mine = new CompletableFuture<>();
            if (values.putIfAbsent(key, mine) != null) {
                continue;
            }
            try {
                V value = compute.get();
                mine.complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                if (!keepFailures) {
                    values.remove(key, mine);
                }
                mine.completeExceptionally(e);
                throw e;
            }
        }
    }

    void removeIf(Predicate<K> condition) {
        values.keySet().removeIf(condition);
    }

    void clear() {
        values.clear();
    }

    int size() {
        return values.size();
    }

    private static <V> V join(CompletableFuture<V> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
