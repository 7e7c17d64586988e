package dev.same.cli.render;

import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.TaskStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reference tool's line-by-line output, which scripts rely on: task output on stdout as
 * {@code [task] line}, progress on stderr.
 */
public final class LinearRenderer implements Renderer {
    private final Terminal terminal;
    private final Style style;
    private final List<String> targets;
    private final Set<String> started = new HashSet<>();

    /** @param targets as the user wrote them, for the planning line */
    public LinearRenderer(Terminal terminal, List<String> targets) {
        this.terminal = terminal;
        this.style = new Style(terminal.colour());
        this.targets = List.copyOf(targets);
    }

    @Override
    public synchronized void runEvent(RunEvent event) {
        switch (event.kind()) {
            case PLANNED -> {
                event.warnings().forEach(w -> terminal.err().println(style.yellow("⚠ Warning: ") + w));
                terminal.err().println("Planning to build " + event.tasks().size() + " task(s) for target(s): ["
                        + String.join(" ", targets) + "]");
            }
            case TASK_STARTED -> start(event.task());
            case TASK_FINISHED -> {
                // the original starts every task it looks at, a cache hit or a failed hashing included
                if (event.status() == TaskStatus.CACHED || event.status() == TaskStatus.FAILED) {
                    start(event.task());
                }
                terminal.err().println(prefix(event.task()) + " " + finished(event));
            }
            case RUN_FINISHED -> { }
        }
        terminal.err().flush();
    }

    private void start(String task) {
        if (started.add(task)) {
            terminal.err().println(prefix(task) + " Starting...");
        }
    }

    private String finished(RunEvent event) {
        String took = Durations.of(event);
        return switch (event.status()) {
            case OK -> style.green("✓") + " Completed in " + took;
            case CACHED -> style.dim("~") + " Cached (" + (event.remoteBytes() == null ? "skipped in "
                    : "remote, " + Bytes.human(event.remoteBytes()) + " in ") + took + ")";
            case FAILED -> style.red("✗") + " Failed after " + took + ": " + event.reason();
            case SKIPPED -> style.yellow("-") + " Skipped: " + event.reason();
            case CANCELLED -> style.red("✗") + " Cancelled after " + took;
        };
    }

    @Override
    public synchronized void runOutput(RunOutput output) {
        String prefix = prefix(output.task()) + " ";
        String text = output.text();
        StringBuilder lines = new StringBuilder(text.length() + 64);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int last = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (last > start) { // empty lines are left out, as the original does
                lines.append(prefix).append(text, start, last).append('\n');
            }
            start = end + 1;
        }
        terminal.out().print(lines);
        terminal.out().flush();
    }

    private String prefix(String task) {
        return "[" + style.task(task) + "]";
    }
}
