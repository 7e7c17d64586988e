package dev.same.intellij.core.console;

import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunResult;
import dev.same.protocol.TaskStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Run tool window's text for one run, as the CLI's linear mode prints it: every line of a task prefixed with
 * {@code [task]} in the task's colour (tasks run in parallel, so their lines interleave), a header when a task
 * starts, its result when it ends, and a summary when the run ends. Output keeps its ANSI colours, as segments,
 * and file paths in it become links. Each call returns the lines it adds.
 */
public final class ConsoleModel {
    private static final AnsiColor[] TASK_COLORS = {AnsiColor.CYAN, AnsiColor.MAGENTA, AnsiColor.YELLOW,
        AnsiColor.BLUE, AnsiColor.BRIGHT_CYAN, AnsiColor.BRIGHT_MAGENTA, AnsiColor.BRIGHT_YELLOW, AnsiColor.BRIGHT_BLUE};

    private final Path root;
    private final Function<String, Path> taskDirectory;
    private final Map<String, AnsiColor> colors = new HashMap<>();
    private final Map<String, AnsiDecoder> decoders = new HashMap<>();
    private final Map<TaskStatus, Integer> finished = new EnumMap<>(TaskStatus.class);
    private Long runMillis;

    /**
     * @param root          the workspace root, against which relative paths in the output are resolved
     * @param taskDirectory a task's project directory (tried before the root), or null when unknown
     */
    public ConsoleModel(Path root, Function<String, Path> taskDirectory) {
        this.root = root;
        this.taskDirectory = taskDirectory;
    }

    public List<ConsoleLine> event(RunEvent event) {
        return switch (event.kind()) {
            case PLANNED -> {
                event.tasks().forEach(this::colorOf);
                List<ConsoleLine> lines = new ArrayList<>();
                lines.add(system(List.of(Segment.plain("Running " + String.join(", ", event.tasks())))));
                for (String warning : event.warnings() == null ? List.<String>of() : event.warnings()) {
                    lines.add(system(List.of(Segment.styled("⚠ Warning: ", Style.of(AnsiColor.YELLOW)),
                            Segment.plain(warning))));
                }
                yield lines;
            }
            case TASK_STARTED -> List.of(system(List.of(prefix(event.task()), Segment.plain(" Starting..."))));
            case TASK_FINISHED -> {
                finished.merge(event.status(), 1, Integer::sum);
                List<Segment> line = new ArrayList<>(List.of(prefix(event.task()), Segment.plain(" ")));
                line.addAll(result(event));
                yield List.of(system(line));
            }
            case RUN_FINISHED -> {
                runMillis = event.durationMillis();
                yield List.of();
            }
        };
    }

    public List<ConsoleLine> output(RunOutput output) {
        AnsiDecoder decoder = decoders.computeIfAbsent(output.task(), task -> new AnsiDecoder());
        PathLinks links = new PathLinks(bases(output.task()));
        String text = output.text().endsWith("\n") ? output.text().substring(0, output.text().length() - 1)
                : output.text();
        List<ConsoleLine> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            List<Segment> segments = new ArrayList<>();
            segments.add(prefix(output.task()));
            segments.add(Segment.plain(" "));
            decoder.decode(line).forEach(segment -> segments.addAll(links.link(segment)));
            lines.add(new ConsoleLine(ConsoleLine.Kind.OUTPUT, segments));
        }
        return lines;
    }

    /** The closing line: success or failure, how long, and how many tasks ended which way. */
    public List<ConsoleLine> summary(RunResult result) {
        StringBuilder counts = new StringBuilder();
        finished.forEach((status, count) -> counts.append(counts.isEmpty() ? "" : ", ").append(count).append(' ')
                .append(status.name().toLowerCase()));
        String took = runMillis == null ? "" : " in " + Durations.seconds(runMillis);
        String tail = counts.isEmpty() ? "" : " (" + counts + ")";
        Segment mark = result.success() ? Segment.styled("✓", Style.of(AnsiColor.GREEN))
                : Segment.styled("✗", Style.of(AnsiColor.RED));
        String words = result.success() ? " Run succeeded" : " Run failed";
        return List.of(new ConsoleLine(ConsoleLine.Kind.SUMMARY, List.of(mark, Segment.plain(words + took + tail))));
    }

    /** A run that could not start or was cut off: the daemon's message and its context. */
    public List<ConsoleLine> error(String message, List<String> context) {
        List<ConsoleLine> lines = new ArrayList<>();
        lines.add(new ConsoleLine(ConsoleLine.Kind.ERROR, List.of(Segment.styled("✗ Error: ", Style.of(AnsiColor.RED)),
                Segment.plain(message))));
        context.forEach(line -> lines.add(new ConsoleLine(ConsoleLine.Kind.ERROR, List.of(Segment.plain("  " + line)))));
        return lines;
    }

    private List<Path> bases(String task) {
        Path dir = task == null ? null : taskDirectory.apply(task);
        return dir == null || dir.equals(root) ? List.of(root) : List.of(dir, root);
    }

    private static List<Segment> result(RunEvent event) {
        long duration = event.durationMillis() == null ? 0 : event.durationMillis();
        String reason = event.reason() == null ? "" : event.reason();
        return switch (event.status()) {
            case OK -> List.of(Segment.styled("✓", Style.of(AnsiColor.GREEN)),
                    Segment.plain(" Completed in " + Durations.seconds(duration)));
            case CACHED -> List.of(Segment.styled("~", Style.PLAIN.withDim(true)),
                    Segment.plain(" Cached (skipped in " + Durations.millis(duration) + ")"));
            case FAILED -> List.of(Segment.styled("✗", Style.of(AnsiColor.RED)),
                    Segment.plain(" Failed after " + Durations.seconds(duration) + ": " + reason));
            case SKIPPED -> List.of(Segment.styled("-", Style.of(AnsiColor.YELLOW)), Segment.plain(" Skipped: " + reason));
            case CANCELLED -> List.of(Segment.styled("✗", Style.of(AnsiColor.RED)),
                    Segment.plain(" Cancelled after " + Durations.seconds(duration)));
        };
    }

    private Segment prefix(String task) {
        String name = task == null ? "?" : task;
        return Segment.styled("[" + name + "]", Style.of(colorOf(name)));
    }

    private AnsiColor colorOf(String task) {
        return colors.computeIfAbsent(task, t -> TASK_COLORS[colors.size() % TASK_COLORS.length]);
    }

    private static ConsoleLine system(List<Segment> segments) {
        return new ConsoleLine(ConsoleLine.Kind.SYSTEM, segments);
    }
}
