package dev.same.cli.command;

import dev.same.cli.Cli;
import dev.same.cli.connect.Connector;
import dev.same.cli.SameCommand;
import dev.same.cli.connect.ServerSession;
import dev.same.cli.render.Style;
import dev.same.protocol.GraphParams;
import dev.same.protocol.GraphResult;
import dev.same.protocol.TaskInfo;
import dev.same.protocol.client.RootFinder;
import dev.same.protocol.client.Json;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Print the task graph: every task in execution order with its dependencies.")
public final class GraphCommand implements Callable<Integer> {
    enum Format { text, json, dot }

    @ParentCommand
    SameCommand parent;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or dot.")
    Format format = Format.text;

    @Option(names = "--no-daemon", description = "Load the graph in this process.")
    boolean noDaemon;

    @Override
    public Integer call() throws Exception {
        Cli cli = parent.cli();
        GraphResult graph;
        try (ServerSession session = Connector.open(cli, RootFinder.find(cli.cwd()), Connector.NO_PUSHES, noDaemon)) {
            graph = session.request(session.server().graph(new GraphParams(cli.cwd().toString())));
        }
        PrintStream out = cli.terminal().out();
        Style style = new Style(cli.terminal().colour());
        graph.warnings().forEach(w -> cli.terminal().err().println(style.yellow("⚠ Warning: ") + w));
        switch (format) {
            case text -> text(graph, out, style);
            case json -> out.println(Json.text(graph, true));
            case dot -> dot(graph, out);
        }
        return 0;
    }

    private static void text(GraphResult graph, PrintStream out, Style style) {
        Map<String, TaskInfo> tasks = graph.tasks().stream()
                .collect(Collectors.toMap(TaskInfo::id, Function.identity()));
        for (String id : graph.order()) {
            TaskInfo task = tasks.get(id);
            String deps = task.dependsOn().isEmpty() ? "" : style.dim(" ← " + String.join(", ", task.dependsOn()));
            out.println(style.bold(id) + deps);
            out.println(style.dim("    " + String.join(" ", task.cmd())));
        }
        if (graph.order().isEmpty()) {
            out.println("(no tasks)");
        }
    }

    private static void dot(GraphResult graph, PrintStream out) {
        out.println("digraph same {");
        out.println("  rankdir=\"LR\";");
        for (TaskInfo task : graph.tasks()) {
            out.println("  " + quote(task.id()) + ";");
            for (String dep : task.dependsOn()) {
                out.println("  " + quote(task.id()) + " -> " + quote(dep) + ";");
            }
        }
        out.println("}");
    }

    private static String quote(String id) {
        return "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
