package dev.same.server.config;

import dev.same.protocol.client.ConfigFileNames;
import dev.same.server.SameException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the {@code tasks} of one project file into {@link TaskDef}s: checks names, keys, types, paths
 * and tools. Dependencies can only be checked once every project is read; see {@link ParsedTask}.
 */
final class TaskReader {
    static final List<String> KEYS =
            List.of("cmd", "input", "target", "dependsOn", "tools", "environment", "env", "workingDir", "rebuild",
                    "cache", "remote", "portable");

    /**
     * A task and what is needed to report a bad dependency later.
     *
     * @param dependencyLines the line of each entry of {@code dependsOn}, by resolved task id
     */
    record ParsedTask(TaskDef task, ConfigFile file, Map<String, Integer> dependencyLines) {
    }

    private final ConfigFile file;
    private final Project project;
    private final boolean standalone;
    private final Path root;
    private final boolean portableByDefault;

    private TaskReader(ConfigFile file, Project project, boolean standalone, Path root, boolean portableByDefault) {
        this.file = file;
        this.project = project;
        this.standalone = standalone;
        this.root = root;
        this.portableByDefault = portableByDefault;
    }

    /**
     * @param project    the project the tasks belong to, its tools already merged with the workspace's
     * @param standalone true for a lone {@code same.yaml}: ids are bare task names
     * @param root       the real workspace root
     * @param portableByDefault what a task that does not say {@code portable} is (the workfile's {@code cache.portable})
     */
    static List<ParsedTask> read(ProjectFile projectFile, Project project, boolean standalone, Path root,
                                 boolean portableByDefault) {
        ConfigFile file = projectFile.file();
        var reader = new TaskReader(file, project, standalone, root, portableByDefault);
        return switch (projectFile.tasks()) {
            case null -> List.of();
            case YamlNode.Null _ -> List.of();
            case YamlNode.Mapping tasks -> tasks.entries().values().stream().map(reader::readTask).toList();
            case YamlNode other -> throw file.wrongType(other, "'tasks'", "a map of task names to definitions");
        };
    }

    private ParsedTask readTask(YamlNode.Entry entry) {
        String name = entry.key();
        checkName(name, entry.line());
        String id = standalone ? name : project.name() + ":" + name;
        YamlNode.Mapping definition = switch (entry.value()) {
            case YamlNode.Mapping mapping -> mapping;
            case YamlNode.Null empty -> YamlNode.Mapping.empty(empty.line());
            case YamlNode other -> throw file.wrongType(other, "task '" + id + "'",
                    "a map of settings (" + String.join(", ", KEYS) + ")");
        };
        checkKeys(definition, id);

        Map<String, Integer> dependencyLines = new HashMap<>();
        SortedSet<String> dependsOn = new TreeSet<>();
        for (YamlNode.Scalar dependency : list(definition, "dependsOn", id)) {
            String dependencyId = standalone || dependency.text().contains(":")
                    ? dependency.text()
                    : project.name() + ":" + dependency.text();
            dependsOn.add(dependencyId);
            dependencyLines.putIfAbsent(dependencyId, dependency.line());
        }

        List<String> problems = new ArrayList<>();
        var task = new TaskDef(
                id,
                project.name(),
                name,
                cmd(definition, id, entry.line(), !dependsOn.isEmpty()),
                inputs(list(definition, "input", id), id),
                targets(list(definition, "target", id), id, problems),
                List.copyOf(dependsOn),
                tools(list(definition, "tools", id), id),
                environment(definition, id),
                workingDir(definition, id),
                rebuild(definition, id),
                file.location(entry.line()),
                env(definition, id),
                caching(definition, id),
                flag(definition, "portable", id, portableByDefault),
                problems.isEmpty() ? null : String.join("; ", problems));
        return new ParsedTask(task, file, Map.copyOf(dependencyLines));
    }

    private void checkName(String name, int line) {
        if (name.isEmpty()) {
            throw error("invalid task name '': a task name must not be empty", line);
        }
        if (name.equals("all")) {
            throw error("task name 'all' is reserved", line, "'all' stands for every task; choose another name");
        }
        if (name.contains(":")) {
            throw error("invalid task name '" + name + "': ':' is not allowed in a task name", line,
                    "':' separates the project from the task, as in 'web:build'");
        }
    }

    private void checkKeys(YamlNode.Mapping definition, String id) {
        file.checkKeys(definition, KEYS, "task '" + id + "'");
    }

    // A plain string is accepted as a one-element argv, not split on spaces: splitting would need shell
    // quoting rules, and cmd never goes through a shell. So `cmd: make` works, while arguments need the
    // list form (`cmd: "npm run build"` would run a program named "npm run build"). A task with dependencies
    // and no cmd is a group, as in the original.
    private List<String> cmd(YamlNode.Mapping definition, String id, int taskLine, boolean hasDependencies) {
        String what = "'cmd' in task '" + id + "'";
        List<String> cmd = switch (definition.get("cmd")) {
            case null -> List.of();
            case YamlNode.Null _ -> List.of();
            case YamlNode.Scalar(String text, _) -> text.isBlank() ? List.of() : List.of(text);
            case YamlNode.Sequence sequence -> file.stringList(sequence, what);
            case YamlNode.Mapping mapping -> throw file.wrongType(mapping, what, "a list of strings");
        };
        if (cmd.isEmpty() && !hasDependencies) {
            throw error("task definition is empty: task '" + id + "' has no cmd", taskLine,
                    "give it a command, e.g. cmd: [\"make\", \"build\"]");
        }
        return cmd;
    }

    private List<String> inputs(List<YamlNode.Scalar> written, String id) {
        SortedSet<String> inputs = new TreeSet<>();
        for (YamlNode.Scalar input : written) {
            boolean excluded = input.text().startsWith("!");
            String path = excluded ? input.text().substring(1) : input.text();
            Glob.syntaxError(path).ifPresent(why -> {
                throw error("syntax error in pattern '" + input.text() + "' in task '" + id + "': " + why,
                        input.line());
            });
            String resolved = RootRelativePath.resolve(root, project.relativeDir(), path)
                    .orElseThrow(() -> outsideRoot("input path", input, id));
            inputs.add((excluded ? "!" : "") + (resolved.isEmpty() ? "." : resolved));
        }
        return List.copyOf(inputs);
    }

    /** The targets inside the root; one outside it is added to {@code problems}: it fails the task, not the load. */
    private List<String> targets(List<YamlNode.Scalar> written, String id, List<String> problems) {
        SortedSet<String> targets = new TreeSet<>();
        for (YamlNode.Scalar target : written) {
            String where = ": '" + target.text() + "' in task '" + id + "'";
            if (target.text().startsWith("!")) {
                throw error("target must be a path, not an exclusion" + where, target.line());
            }
            if (RootRelativePath.isGlob(target.text())) {
                throw error("target must be a path, not a glob" + where, target.line(),
                        "name the files or the directory the task writes");
            }
            String resolved = RootRelativePath.resolve(root, project.relativeDir(), target.text()).orElse(null);
            if (resolved == null) {
                SameException outside = outsideRoot("output path", target, id);
                problems.add(outside.getMessage() + " (" + file.at(target.line()) + ")");
                continue;
            }
            if (resolved.isEmpty()) {
                throw error("target must not be the workspace root" + where, target.line(),
                        "name the files or the directory the task writes");
            }
            targets.add(resolved);
        }
        return List.copyOf(targets);
    }

    private List<String> tools(List<YamlNode.Scalar> written, String id) {
        SortedSet<String> tools = new TreeSet<>();
        for (YamlNode.Scalar tool : written) {
            if (!project.tools().containsKey(tool.text())) {
                String declared = project.tools().isEmpty()
                        ? "no tools are declared; add them under 'tools:' in " + file.name()
                          + (standalone ? "" : " or " + ConfigFileNames.WORKFILE)
                        : "declared tools: " + String.join(", ", project.tools().keySet());
                throw error("tool not found: task '" + id + "' uses tool '" + tool.text()
                        + "', which is not declared in tools", tool.line(), declared);
            }
            tools.add(tool.text());
        }
        return List.copyOf(tools);
    }

    private SortedMap<String, String> environment(YamlNode.Mapping definition, String id) {
        return definition.present("environment")
                .map(node -> file.stringMap(node, "'environment' in task '" + id + "'"))
                .orElseGet(TreeMap::new);
    }

    /** The task's own {@code env}, written relative to the project directory; else the project's. */
    private EnvCommand env(YamlNode.Mapping definition, String id) {
        return definition.present("env")
                .map(node -> EnvCommandReader.read(file, node, definition.lineOf("env"), project.relativeDir(), root,
                        "'env' in task '" + id + "'"))
                .orElse(project.env());
    }

    private String workingDir(YamlNode.Mapping definition, String id) {
        YamlNode node = definition.present("workingDir").orElse(null);
        if (node == null) {
            return project.relativeDir();
        }
        String written = file.string(node, "'workingDir' in task '" + id + "'");
        String where = ": '" + written + "' in task '" + id + "'";
        if (RootRelativePath.isGlob(written)) {
            throw error("workingDir must be a path, not a glob" + where, node.line());
        }
        if (written.startsWith("/")) {
            // used as given, as the original does; inside the root it is written relative to it like any other
            return RootRelativePath.resolve(root, "", written).orElse(Path.of(written).normalize().toString());
        }
        return RootRelativePath.resolve(root, project.relativeDir(), written)
                .orElseThrow(() -> error("working directory is outside project root" + where, node.line()));
    }

    private Rebuild rebuild(YamlNode.Mapping definition, String id) {
        YamlNode node = definition.present("rebuild").orElse(null);
        if (node == null) {
            return Rebuild.ON_CHANGE;
        }
        String written = file.string(node, "'rebuild' in task '" + id + "'");
        return Rebuild.fromYamlName(written).orElseThrow(() -> error(
                "invalid rebuild strategy, expected 'always' or 'on-change': got '" + written + "' in task '" + id + "'",
                node.line()));
    }

    private Caching caching(YamlNode.Mapping definition, String id) {
        boolean cache = flag(definition, "cache", id, true);
        boolean remote = flag(definition, "remote", id, true);
        return !cache ? Caching.NONE : remote ? Caching.SHARED : Caching.LOCAL;
    }

    /** A true/false key, {@code otherwise} when absent. */
    private boolean flag(YamlNode.Mapping definition, String key, String id, boolean otherwise) {
        return definition.present(key).map(node -> file.bool(node, "'" + key + "' in task '" + id + "'"))
                .orElse(otherwise);
    }

    private List<YamlNode.Scalar> list(YamlNode.Mapping definition, String key, String id) {
        return definition.present(key)
                .map(node -> file.scalarList(node, "'" + key + "' in task '" + id + "'"))
                .orElse(List.of());
    }

    private SameException outsideRoot(String kind, YamlNode.Scalar path, String id) {
        return error(kind + " is outside project root: '" + path.text() + "' in task '" + id + "'", path.line(),
                "paths are relative to the project directory"
                        + (project.relativeDir().isEmpty() ? "" : " (" + project.relativeDir() + ")")
                        + " and must stay inside the workspace root");
    }

    private SameException error(String message, int line, String... hints) {
        List<String> context = new ArrayList<>();
        context.add(file.at(line));
        context.addAll(List.of(hints));
        return new SameException(message, context);
    }
}
