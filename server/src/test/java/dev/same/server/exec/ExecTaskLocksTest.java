package dev.same.server.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ExecTaskLocksTest {
    @TempDir
    Path root;

    @Test
    void aSecondRunOfATaskWaitsUntilTheFirstReleasesIt() throws Exception {
        TaskLocks locks = new TaskLocks(root);
        AtomicBoolean secondHasIt = new AtomicBoolean();
        AtomicReference<Thread> second = new AtomicReference<>();

        try (TaskLocks.Held first = locks.acquire("web:build", new Cancellation())) {
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                second.set(Thread.currentThread());
                try (TaskLocks.Held held = locks.acquire("web:build", new Cancellation())) {
                    secondHasIt.set(true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            waitUntil(() -> second.get() != null && second.get().getState() == Thread.State.WAITING);
            assertFalse(secondHasIt.get());
            try (TaskLocks.Held other = locks.acquire("web:test", new Cancellation())) {
                assertTrue(other.channel().isOpen(), "another task's lock is independent");
            }
            first.close();
            waiting.get();
        }
        assertTrue(secondHasIt.get());
        assertTrue(Files.isDirectory(root.resolve(".same/locks")));
    }

    @Test
    void aCancellationEndsTheWaitAndLeavesNoLockBehind() throws Exception {
        TaskLocks locks = new TaskLocks(root);
        Cancellation cancellation = new Cancellation();
        AtomicReference<Thread> waiter = new AtomicReference<>();
        AtomicBoolean interruptFlagAfterwards = new AtomicBoolean(true);

        CompletableFuture<String> outcome;
        try (TaskLocks.Held first = locks.acquire("web:build", new Cancellation())) {
            outcome = CompletableFuture.supplyAsync(() -> {
                waiter.set(Thread.currentThread());
                try (TaskLocks.Held never = locks.acquire("web:build", cancellation)) {
                    return "acquired";
                } catch (InterruptedException e) {
                    interruptFlagAfterwards.set(Thread.currentThread().isInterrupted());
                    return "interrupted";
                } catch (Exception e) {
                    return e.toString();
                }
            });
            waitUntil(() -> waiter.get() != null && waiter.get().getState() == Thread.State.WAITING);
            cancellation.cancel();
            assertEquals("interrupted", outcome.get());
        }
        assertFalse(interruptFlagAfterwards.get());
        try (TaskLocks.Held again = locks.acquire("web:build", new Cancellation())) {
            assertTrue(again.channel().isOpen());
        }
    }

    @Test
    void anAlreadyCancelledRunDoesNotWait() throws Exception {
        TaskLocks locks = new TaskLocks(root);
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        try (TaskLocks.Held first = locks.acquire("web:build", new Cancellation())) {
            CompletableFuture<Boolean> interrupted = CompletableFuture.supplyAsync(() -> {
                try (TaskLocks.Held never = locks.acquire("web:build", cancellation)) {
                    return false;
                } catch (InterruptedException e) {
                    return true;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(interrupted.get());
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(5);
        }
    }
}
