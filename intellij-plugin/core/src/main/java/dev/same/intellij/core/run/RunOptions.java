package dev.same.intellij.core.run;

import dev.same.protocol.RunParams;
import dev.same.protocol.TaskInfo;
import dev.same.protocol.client.CallerEnvironment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A {@code same} run configuration's options: the targets ({@code app:build}, a bare task name, or {@code all}),
 * whether to bypass the cache, the parallelism (0: one task per CPU) and extra environment variables. Stored as
 * a plain map of strings, the way the IDE persists it.
 */
public record RunOptions(List<String> tasks, boolean noCache, int parallel, Map<String, String> environment) {
    static final String TASKS = "tasks";
    static final String NO_CACHE = "noCache";
    static final String PARALLEL = "parallel";
    static final String ENV_PREFIX = "env.";
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public RunOptions {
        tasks = List.copyOf(tasks);
        environment = Map.copyOf(environment);
    }

    public static RunOptions of(String... tasks) {
        return new RunOptions(List.of(tasks), false, 0, Map.of());
    }

    /** The configuration's name as the IDE shows it: the tasks, space-separated. */
    public String suggestedName() {
        return tasks.isEmpty() ? "same" : String.join(" ", tasks);
    }

    public Map<String, String> toMap() {
        Map<String, String> map = new TreeMap<>();
        map.put(TASKS, String.join(" ", tasks));
        map.put(NO_CACHE, Boolean.toString(noCache));
        map.put(PARALLEL, Integer.toString(parallel));
        environment.forEach((name, value) -> map.put(ENV_PREFIX + name, value));
        return map;
    }

    /** Reads what {@link #toMap()} wrote; missing or unreadable entries take their defaults. */
    public static RunOptions fromMap(Map<String, String> map) {
        List<String> tasks = splitTasks(map.getOrDefault(TASKS, ""));
        int parallel;
        try {
            parallel = Integer.parseInt(map.getOrDefault(PARALLEL, "0").strip());
        } catch (NumberFormatException e) {
            parallel = 0;
        }
        Map<String, String> environment = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (key.startsWith(ENV_PREFIX) && key.length() > ENV_PREFIX.length()) {
                environment.put(key.substring(ENV_PREFIX.length()), value);
            }
        });
        return new RunOptions(tasks, Boolean.parseBoolean(map.get(NO_CACHE)), parallel, environment);
    }

    /** The targets typed in one field: separated by spaces or commas. */
    public static List<String> splitTasks(String text) {
        return List.of(text.strip().split("[\\s,]+")).stream().filter(task -> !task.isEmpty()).toList();
    }

    /** Environment variables as typed in one text field: {@code NAME=value}, one per line; other lines are ignored. */
    public static Map<String, String> parseEnvironment(String text) {
        Map<String, String> variables = new LinkedHashMap<>();
        text.lines().map(String::stripLeading).filter(line -> line.indexOf('=') > 0).forEach(line -> {
            int eq = line.indexOf('=');
            variables.put(line.substring(0, eq).strip(), line.substring(eq + 1));
        });
        return variables;
    }

    /** The text {@link #parseEnvironment} reads back, by name. */
    public String environmentText() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(environment).forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    /**
     * What is wrong with these options against the workspace's tasks, one sentence each; empty when they can run.
     * A target is a task id, a bare task name that some project defines, or {@code all}.
     */
    public List<String> problems(Collection<TaskInfo> workspaceTasks) {
        List<String> problems = new ArrayList<>();
        if (tasks.isEmpty()) {
            problems.add("No task to run: name one or more tasks, such as app:build, or all.");
        }
        for (String task : tasks) {
            boolean known = task.equals("all") || workspaceTasks.stream()
                    .anyMatch(info -> info.id().equals(task) || !task.contains(":") && info.name().equals(task));
            if (!known) {
                problems.add("Task '" + task + "' does not exist in this workspace (any more): pick one of the "
                        + "workspace's tasks.");
            }
        }
        if (parallel < 0) {
            problems.add("Parallelism must be 0 (one task per CPU) or more, not " + parallel + ".");
        }
        environment.keySet().stream().filter(name -> !VARIABLE.matcher(name).matches())
                .forEach(name -> problems.add("'" + name + "' is not a valid environment variable name."));
        return problems;
    }

    /**
     * The run/start request: what the CLI sends of the caller's environment (tasks take HOME, TERM, USER and PATH
     * from it; the remote cache's SAME_REMOTE_CACHE_* configure the run), here the IDE's, with the configuration's
     * variables on top.
     */
    public RunParams toRunParams(String runId, String cwd, Map<String, String> callerEnvironment) {
        Map<String, String> merged = CallerEnvironment.of(callerEnvironment);
        merged.putAll(environment);
        return new RunParams(runId, tasks, cwd, merged, noCache, parallel);
    }
}
