package dev.same.intellij.core;

import dev.same.intellij.core.console.ConsoleLine;
import dev.same.intellij.core.console.ConsoleModel;
import dev.same.intellij.core.run.RunListener;
import dev.same.intellij.core.run.TaskRun;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A run's listener that renders it through the console model, as the Run tool window does, and records it. */
final class RecordingRun implements RunListener {
    final ConsoleModel console;
    TaskRun run;
    final List<ConsoleLine> lines = new CopyOnWriteArrayList<>();
    final CompletableFuture<RunResult> result = new CompletableFuture<>();
    final CompletableFuture<String> failure = new CompletableFuture<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

    private record Waiter(Predicate<ConsoleLine> condition, CompletableFuture<ConsoleLine> seen) {
    }

    RecordingRun(ConsoleModel console) {
        this.console = console;
    }

    /** Completes with the first line (already printed or to come) that satisfies {@code condition}. */
    CompletableFuture<ConsoleLine> line(Predicate<ConsoleLine> condition) {
        Waiter waiter = new Waiter(condition, new CompletableFuture<>());
        waiters.add(waiter);
        lines.stream().filter(condition).findFirst().ifPresent(waiter.seen()::complete);
        return waiter.seen();
    }

    private void add(List<ConsoleLine> added) {
        lines.addAll(added);
        for (ConsoleLine line : added) {
            waiters.stream().filter(waiter -> waiter.condition().test(line)).forEach(waiter -> waiter.seen().complete(line));
        }
    }

    @Override
    public void event(RunEvent event) {
        add(console.event(event));
    }

    @Override
    public void output(RunOutput output) {
        add(console.output(output));
    }

    @Override
    public void finished(RunResult finished) {
        add(console.summary(finished));
        result.complete(finished);
    }

    @Override
    public void failed(String message, List<String> context) {
        add(console.error(message, context));
        failure.complete(message);
        result.completeExceptionally(new AssertionError("run failed: " + message));
    }
}
