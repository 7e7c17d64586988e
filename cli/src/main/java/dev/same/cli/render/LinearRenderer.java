package dev.same.cli.render;

import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;

/**
 * The reference tool's line-by-line output, which scripts rely on: task output on stdout as
 * {@code [task] line}, progress on stderr.
 */
public final class LinearRenderer implements Renderer {
    private final Terminal terminal;
    private final Style style;

    public LinearRenderer(Terminal terminal) {
        this.terminal = terminal;
        this.style = new Style(terminal.colour());
    }

    @Override
    public synchronized void runEvent(RunEvent event) {
        switch (event.kind()) {
            case PLANNED -> {
                style.plan(event.tasks());
                event.warnings().forEach(w -> terminal.err().println(style.yellow("⚠ Warning: ") + w));
            }
            case TASK_STARTED -> terminal.err().println(prefix(event.task()) + " Starting...");
            case TASK_FINISHED -> terminal.err().println(prefix(event.task()) + " " + finished(event));
            case RUN_FINISHED -> { }
        }
        terminal.err().flush();
    }

    private String finished(RunEvent event) {
        long millis = event.durationMillis();
        return switch (event.status()) {
            case OK -> style.green("✓") + " Completed in " + Durations.seconds(millis);
            case CACHED -> style.dim("~") + " Cached (" + (event.remoteBytes() == null ? "skipped in "
                    : "remote, " + Bytes.human(event.remoteBytes()) + " in ") + Durations.millis(millis) + ")";
            case FAILED -> style.red("✗") + " Failed after " + Durations.seconds(millis) + ": " + event.reason();
            case SKIPPED -> style.yellow("-") + " Skipped: " + event.reason();
            case CANCELLED -> style.red("✗") + " Cancelled after " + Durations.seconds(millis);
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
            lines.append(prefix).append(text, start, end).append('\n');
            start = end + 1;
        }
        terminal.out().print(lines);
        terminal.out().flush();
    }

    private String prefix(String task) {
        return "[" + style.task(task) + "]";
    }
}
