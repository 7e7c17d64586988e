package dev.same.cli.inspect;

import dev.same.cli.render.Renderer;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunResult;
import dev.same.protocol.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the inspect view shows of a run, recorded while the run is shown by {@code shown}: the planned tasks
 * in order, how each ended and its output, line by line.
 */
public final class RunLog implements Renderer {
    private static final int KEPT_LINES = 100_000;

    /** One task as the view lists it; {@code status} is null while it has not finished. */
    public record Task(String id, TaskStatus status, long durationMillis, String reason, List<String> lines) {
    }

    private final Renderer shown;
    private final Map<String, Entry> tasks = new LinkedHashMap<>();

    private static final class Entry {
        TaskStatus status;
        long durationMillis;
        String reason;
        final List<String> lines = new ArrayList<>();
        final StringBuilder partial = new StringBuilder();
    }

    public RunLog(Renderer shown) {
        this.shown = shown;
    }

    @Override
    public void runEvent(RunEvent event) {
        synchronized (this) {
            switch (event.kind()) {
                case PLANNED -> event.tasks().forEach(id -> tasks.computeIfAbsent(id, t -> new Entry()));
                case TASK_FINISHED -> {
                    Entry entry = tasks.computeIfAbsent(event.task(), t -> new Entry());
                    entry.status = event.status();
                    entry.durationMillis = event.durationMillis();
                    entry.reason = event.reason();
                }
                default -> { }
            }
        }
        shown.runEvent(event);
    }

    @Override
    public void runOutput(RunOutput output) {
        synchronized (this) {
            Entry entry = tasks.computeIfAbsent(output.task(), t -> new Entry());
            String text = entry.partial.append(output.text()).toString();
            entry.partial.setLength(0);
            int start = 0;
            for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
                if (entry.lines.size() < KEPT_LINES) {
                    entry.lines.add(text.substring(start, end));
                }
                start = end + 1;
            }
            entry.partial.append(text, start, text.length());
        }
        shown.runOutput(output);
    }

    @Override
    public void finish(RunResult result) {
        shown.finish(result);
    }

    /** The tasks in planned order, each with what it printed. */
    public synchronized List<Task> tasks() {
        List<Task> list = new ArrayList<>();
        tasks.forEach((id, entry) -> {
            List<String> lines = new ArrayList<>(entry.lines);
            if (!entry.partial.isEmpty()) {
                lines.add(entry.partial.toString());
            }
            list.add(new Task(id, entry.status, entry.durationMillis, entry.reason, List.copyOf(lines)));
        });
        return list;
    }
}
