package dev.same.cli.render;

import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunResult;
import dev.same.protocol.TaskStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * For a terminal: finished tasks scroll by as one line each, while a live block at the bottom shows every
 * running task with a spinner, its elapsed time and its latest output line, and the progress of the run.
 * At the end, a summary; failed tasks' output is shown in full.
 */
public final class InteractiveRenderer implements Renderer {
    private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    private static final int KEPT_OUTPUT_CHARS = 4 << 20;

    private final Terminal terminal;
    private final Style style;
    private final long startNanos = System.nanoTime();
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final Map<String, StringBuilder> outputs = new LinkedHashMap<>();
    private final Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
    private final List<String> failed = new ArrayList<>();
    private final ScheduledExecutorService ticker;
    private int total;
    private int done;
    private int drawnLines;
    private int frame;
    private boolean finished;
    private boolean planned;

    private static final class Running {
        final long startNanos = System.nanoTime();
        String lastLine = "";
    }

    public InteractiveRenderer(Terminal terminal) {
        this.terminal = terminal;
        this.style = new Style(terminal.colour());
        this.ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        ticker.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void runEvent(RunEvent event) {
        clear();
        switch (event.kind()) {
            case PLANNED -> {
                total = event.tasks().size();
                planned = true;
                event.warnings().forEach(w -> terminal.err().println(style.yellow("⚠ Warning: ") + w));
            }
            case TASK_STARTED -> running.put(event.task(), new Running());
            case TASK_FINISHED -> {
                running.remove(event.task());
                done++;
                counts.merge(event.status(), 1, Integer::sum);
                terminal.err().println(line(event));
                if (event.status() == TaskStatus.FAILED) {
                    failed.add(event.task());
                } else {
                    outputs.remove(event.task());
                }
            }
            case RUN_FINISHED -> { }
        }
        draw();
    }

    private String line(RunEvent event) {
        String task = style.task(event.task());
        long millis = event.durationMillis();
        return switch (event.status()) {
            case OK -> style.green("✓ ") + task + style.dim("  " + Durations.seconds(millis));
            case CACHED -> style.dim("~ ") + task + style.dim("  cached"
                    + (event.remoteBytes() != null ? " (remote, " + Bytes.human(event.remoteBytes()) + ")" : "")
                    + (event.restored() ? ", restored" : ""));
            case FAILED -> style.red("✗ ") + task + style.red("  failed after " + Durations.seconds(millis)
                    + ": " + event.reason());
            case SKIPPED -> style.yellow("- ") + task + style.dim("  skipped: " + event.reason());
            case CANCELLED -> style.red("✗ ") + task + style.dim("  cancelled");
        };
    }

    @Override
    public synchronized void runOutput(RunOutput output) {
        StringBuilder kept = outputs.computeIfAbsent(output.task(), t -> new StringBuilder());
        if (kept.length() < KEPT_OUTPUT_CHARS) {
            kept.append(output.text());
        }
        Running task = running.get(output.task());
        if (task != null) {
            String text = output.text().stripTrailing();
            task.lastLine = text.substring(text.lastIndexOf('\n') + 1);
        }
    }

    private synchronized void tick() {
        if (finished) {
            return;
        }
        frame++;
        clear();
        draw();
    }

    private void clear() {
        if (drawnLines > 0) {
            terminal.err().print("\u001b[" + drawnLines + "F\u001b[J");
            drawnLines = 0;
        }
    }

    private void draw() {
        if (finished || !planned) { // before the plan there is nothing to count ("0/0 tasks")
            terminal.err().flush();
            return;
        }
        String spinner = SPINNER[frame % SPINNER.length];
        for (var entry : running.entrySet()) {
            long millis = (System.nanoTime() - entry.getValue().startNanos) / 1_000_000;
            String head = spinner + " " + entry.getKey() + "  " + Durations.seconds(millis);
            String last = entry.getValue().lastLine;
            int room = terminal.width() - head.length() - 5;
            String tail = last.isEmpty() || room < 10 ? "" : "  │ " + truncate(last, room);
            terminal.err().println(style.yellow(spinner) + " " + style.task(entry.getKey()) + "  "
                    + Durations.seconds(millis) + style.dim(tail));
            drawnLines++;
        }
        terminal.err().println(style.dim(done + "/" + total + " tasks · " + running.size() + " running · "
                + Durations.seconds(elapsedMillis())));
        drawnLines++;
        terminal.err().flush();
    }

    private static String truncate(String text, int room) {
        String plain = text.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "");
        return plain.length() <= room ? plain : plain.substring(0, room - 1) + "…";
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public synchronized void finish(RunResult result) {
        clear();
        finished = true;
        ticker.shutdownNow();
        for (String task : failed) {
            StringBuilder output = outputs.get(task);
            terminal.err().println();
            terminal.err().println(style.red("✗ " + task) + style.dim(" output:"));
            if (output != null) {
                terminal.err().print(output);
            }
        }
        terminal.err().println();
        List<String> parts = new ArrayList<>();
        parts.add(counts.getOrDefault(TaskStatus.OK, 0) + " ran");
        parts.add(counts.getOrDefault(TaskStatus.CACHED, 0) + " cached");
        if (counts.containsKey(TaskStatus.FAILED)) {
            parts.add(style.red(counts.get(TaskStatus.FAILED) + " failed"));
        }
        if (counts.containsKey(TaskStatus.SKIPPED)) {
            parts.add(counts.get(TaskStatus.SKIPPED) + " skipped");
        }
        if (counts.containsKey(TaskStatus.CANCELLED)) {
            parts.add(counts.get(TaskStatus.CANCELLED) + " cancelled");
        }
        terminal.err().println(style.bold(" Tasks: ") + String.join(", ", parts) + style.dim(" (" + total + " total)"));
        terminal.err().println(style.bold("  Time: ") + Durations.seconds(elapsedMillis()));
        terminal.err().flush();
    }
}
