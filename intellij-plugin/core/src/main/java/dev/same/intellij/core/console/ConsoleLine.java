package dev.same.intellij.core.console;

import java.util.List;

/** One line of the run console, without its line end; {@code kind} says what the platform prints it as. */
public record ConsoleLine(Kind kind, List<Segment> segments) {
    public enum Kind {
        /** A task's own output. */
        OUTPUT,
        /** Lines of same itself: a task starting or finishing, warnings. */
        SYSTEM,
        /** An error of the run itself (unknown task, daemon gone). */
        ERROR,
        /** The closing line of the run. */
        SUMMARY
    }

    public ConsoleLine {
        segments = List.copyOf(segments);
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        segments.forEach(segment -> text.append(segment.text()));
        return text.toString();
    }
}
