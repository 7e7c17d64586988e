package dev.same.cli.command;

import dev.same.cli.Cli;
import dev.same.cli.connect.Connector;
import dev.same.cli.connect.ServerSession;
import dev.same.cli.render.Style;
import dev.same.protocol.StatusParams;
import dev.same.protocol.StatusResult;
import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatusInfo;
import dev.same.protocol.client.RootFinder;
import dev.same.protocol.client.Json;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code same status}: every task's live state and why, as a table or as JSON. */
public final class StatusAction {
    private StatusAction() {
    }

    public static int show(Cli cli, StatusOptions options) throws Exception {
        StatusResult result;
        try (ServerSession session = Connector.open(cli, RootFinder.find(cli.cwd()), Connector.NO_PUSHES,
                options.noDaemon())) {
            result = session.request(session.server().status(new StatusParams(options.targets(), cli.cwd().toString(),
                    true)));
        }
        PrintStream out = cli.terminal().out();
        if (options.json()) {
            out.println(Json.text(result, true));
            return 0;
        }
        Style style = new Style(cli.terminal().colour());
        if (result.configError() != null) {
            cli.terminal().err().println(style.red("✗ Error: ") + result.configError().message()
                    + " (showing the last valid configuration)");
        }
        int width = result.tasks().stream().mapToInt(t -> t.id().length()).max().orElse(0);
        Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
        for (TaskStatusInfo task : result.tasks()) {
            counts.merge(task.state(), 1, Integer::sum);
            boolean remoteHit = !task.reasons().isEmpty()
                    && task.reasons().getFirst().equals(TaskStatusInfo.REMOTE_HIT_AVAILABLE);
            List<String> shown = remoteHit ? task.reasons().subList(1, task.reasons().size()) : task.reasons();
            String reasons = shown.isEmpty() ? "" : "  " + style.dim(String.join("; ", shown));
            String state = remoteHit ? style.yellow("● dirty (" + TaskStatusInfo.REMOTE_HIT_AVAILABLE + ")")
                    : state(task.state(), style);
            out.println(padded(task.id(), width) + "  " + state + reasons);
        }
        StringBuilder summary = new StringBuilder(result.tasks().size() + " tasks");
        String separator = ": ";
        for (var entry : counts.entrySet()) {
            summary.append(separator).append(entry.getValue()).append(' ')
                    .append(entry.getKey().name().toLowerCase(Locale.ROOT));
            separator = ", ";
        }
        out.println(style.dim(summary.toString()));
        return 0;
    }

    /** {@code text} followed by spaces up to {@code width} characters (the formatter's {@code %-Ns}, cheaper). */
    static String padded(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    static String state(TaskState state, Style style) {
        return state(state, style, 9);
    }

    static String state(TaskState state, Style style, int width) {
        String name = state.name().toLowerCase(Locale.ROOT);
        String label = padded(name, width);
        return switch (state) {
            case CLEAN -> style.green("✓ " + label);
            case DIRTY -> style.yellow("● " + label);
            case RUNNING -> style.yellow("▶ " + label);
            case FAILED -> style.red("✗ " + label);
            case UNKNOWN -> style.dim("? " + label);
        };
    }
}
