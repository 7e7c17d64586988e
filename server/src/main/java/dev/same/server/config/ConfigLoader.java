package dev.same.server.config;

import dev.same.protocol.client.RootFinder;
import dev.same.protocol.client.UserError;
import dev.same.protocol.client.ConfigFileNames;
import dev.same.server.SameException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Loads and validates the configuration under a root directory into an immutable {@link Workspace}.
 * A {@code same.work.yaml} makes the directory a workspace; otherwise its {@code same.yaml} is a
 * standalone project.
 */
public final class ConfigLoader {
    private static final Pattern PROJECT_NAME = Pattern.compile("^[A-Za-z0-9_-]+$");

    private final Path base;
    private final Map<Path, String> buffers;
    private final YamlTrees trees;
    private final List<String> warnings = new ArrayList<>();
    private final List<Path> configFiles = new ArrayList<>();
    private final SortedMap<String, Project> projects = new TreeMap<>();
    private final Map<String, ProjectFile> projectFilesByName = new HashMap<>();
    private final List<TaskReader.ParsedTask> tasks = new ArrayList<>();

    private ConfigLoader(Path base, Map<Path, String> buffers, YamlTrees trees) {
        this.base = base;
        this.buffers = buffers;
        this.trees = trees;
    }

    /**
     * @param root the directory holding {@code same.work.yaml} or {@code same.yaml}, as found by {@link RootFinder}
     * @throws SameException for any problem in the configuration, with its file and line
     */
    public static Workspace load(Path root) {
        return load(root, Map.of(), YamlTrees.NONE);
    }

    /** Loads as {@link #load(Path)} does, taking the trees of files parsed before from {@code trees}. */
    public static Workspace load(Path root, YamlTrees trees) {
        return load(root, Map.of(), trees);
    }

    /**
     * Loads as {@link #load(Path)} does, with the text of some files taken from {@code buffers} instead of the disk:
     * an editor's unsaved documents, validated exactly as the saved files would be.
     *
     * @param buffers file text by absolute real path; a file found here counts as present even if not on disk
     */
    public static Workspace load(Path root, Map<Path, String> buffers) {
        return load(root, buffers, YamlTrees.NONE);
    }

    /** Loads as {@link #load(Path, Map)} does, taking the trees of files parsed before from {@code trees}. */
    public static Workspace load(Path root, Map<Path, String> buffers, YamlTrees trees) {
        Path base;
        try {
            base = root.toRealPath();
        } catch (IOException e) {
            UserError notFound = RootFinder.notFound(root.toAbsolutePath().normalize());
            throw new SameException(notFound.getMessage(), notFound.context());
        }
        var loader = new ConfigLoader(base, Map.copyOf(buffers), trees);
        if (loader.exists(base.resolve(ConfigFileNames.WORKFILE))) {
            return loader.loadWorkspace();
        }
        if (loader.exists(base.resolve(ConfigFileNames.SAMEFILE))) {
            return loader.loadStandalone();
        }
        throw new SameException("could not find samefile or workfile", List.of(
                "neither " + ConfigFileNames.WORKFILE + " nor " + ConfigFileNames.SAMEFILE + " is in " + base));
    }

    private Workspace loadWorkspace() {
        Workfile workfile = Workfile.read(readFile(base.resolve(ConfigFileNames.WORKFILE)), warnings);
        Path root = workfile.root();
        List<String> dirs = ProjectDirectories.find(workfile, warnings);
        // each project's file is read and parsed on its own, in parallel; what involves several projects (their
        // names), and the first error, follow in the projects' order, as if they were read one after the other
        List<ReadProject> read = dirs.stream().parallel().map(dir -> readProject(workfile, root, dir)).toList();
        for (ReadProject project : read) {
            if (project.samefile() == null) {
                warnings.add(ConfigFileNames.SAMEFILE + " missing in project "
                        + (project.dir().isEmpty() ? "." : project.dir()) + ", skipping");
                continue;
            }
            configFiles.add(project.samefile());
            if (project.fileError() != null) {
                throw project.fileError();
            }
            warnings.addAll(project.warnings());
            checkProjectName(project.file(), project.dir());
            if (project.projectError() != null) {
                throw project.projectError();
            }
            projects.put(project.project().name(), project.project());
            tasks.addAll(project.tasks());
        }
        return finish(root, false, workfile.remoteCache());
    }

    /**
     * One project of a workspace, read as far as it goes without the others: its {@code same.yaml} (null when
     * missing), the file's content or the error reading it, then the project and its tasks or the error making them.
     */
    private record ReadProject(String dir, Path samefile, ProjectFile file, List<String> warnings,
                               RuntimeException fileError, Project project, List<TaskReader.ParsedTask> tasks,
                               RuntimeException projectError) {
    }

    private ReadProject readProject(Workfile workfile, Path root, String dir) {
        Path samefile = root.resolve(dir).resolve(ConfigFileNames.SAMEFILE);
        if (!exists(samefile)) {
            return new ReadProject(dir, null, null, List.of(), null, null, List.of(), null);
        }
        List<String> fileWarnings = new ArrayList<>();
        ProjectFile projectFile;
        try {
            projectFile = ProjectFile.read(parseFile(samefile), fileWarnings, false);
        } catch (RuntimeException e) {
            return new ReadProject(dir, samefile, null, List.of(), e, null, List.of(), null);
        }
        try {
            SortedMap<String, String> tools = new TreeMap<>(workfile.tools());
            tools.putAll(projectFile.tools());
            EnvCommand env = projectFile.file().env(dir, root, "'env' in " + projectFile.file().name());
            Project project = new Project(projectFile.name(), dir, samefile, tools,
                    env != null ? env : workfile.env());
            return new ReadProject(dir, samefile, projectFile, fileWarnings, null, project,
                    TaskReader.read(projectFile, project, false, root, workfile.portable()), null);
        } catch (RuntimeException e) {
            return new ReadProject(dir, samefile, projectFile, fileWarnings, null, null, List.of(), e);
        }
    }

    private Workspace loadStandalone() {
        Path samefile = base.resolve(ConfigFileNames.SAMEFILE);
        ProjectFile projectFile = ProjectFile.read(readFile(samefile), warnings, true);
        // As in the original, 'root' moves where the tasks run and where their paths start.
        Path root = Workfile.root(projectFile.file());
        // A standalone project's name, if it has one, is not part of any task id.
        EnvCommand env = projectFile.file().env("", root, "'env' in " + projectFile.file().name());
        addProject(projectFile, new Project("", "", samefile, projectFile.tools(), env), true, root);
        return finish(root, true, null);
    }

    private boolean exists(Path file) {
        return buffers.containsKey(file) || Files.isRegularFile(file);
    }

    private ConfigFile readFile(Path path) {
        configFiles.add(path);
        return parseFile(path);
    }

    /** Reads and parses a file without recording it among the configuration's files (safe from several threads). */
    private ConfigFile parseFile(Path path) {
        String name = base.relativize(path).toString().replace('\\', '/');
        String buffer = buffers.get(path);
        ConfigFile.Kind kind = path.getFileName().toString().equals(ConfigFileNames.SAMEFILE)
                && exists(base.resolve(ConfigFileNames.WORKFILE)) ? ConfigFile.Kind.PROJECT_CONFIG : ConfigFile.Kind.CONFIG;
        // an unsaved text is not remembered: it changes with every keystroke
        return buffer != null ? ConfigFile.parse(path, name, buffer, kind, YamlTrees.NONE)
                : ConfigFile.read(path, name, kind, trees);
    }

    private void checkProjectName(ProjectFile projectFile, String dir) {
        ConfigFile file = projectFile.file();
        String name = projectFile.name();
        if (name.isEmpty()) {
            throw new SameException("missing project name: " + file.name() + " has no 'project' key", List.of(
                    file.at(0), "every project in a workspace needs one, e.g. project: "
                            + suggestedName(dir)));
        }
        if (!PROJECT_NAME.matcher(name).matches()) {
            throw new SameException("invalid project name '" + name + "': project name can only contain alphanumeric "
                    + "characters, hyphens and underscores", List.of(file.at(projectFile.nameLine())));
        }
        ProjectFile first = projectFilesByName.putIfAbsent(name, projectFile);
        if (first != null) {
            throw new SameException("duplicate project name '" + name + "': " + directoryOf(first) + " and "
                    + (dir.isEmpty() ? "." : dir), List.of(
                    first.file().at(first.nameLine()), file.at(projectFile.nameLine()),
                    "project names must be unique in a workspace"));
        }
    }

    private String directoryOf(ProjectFile projectFile) {
        String dir = projects.get(projectFile.name()).relativeDir();
        return dir.isEmpty() ? "." : dir;
    }

    private static String suggestedName(String dir) {
        String last = dir.substring(dir.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_-]", "-");
        return last.isEmpty() ? "my-project" : last;
    }

    private void addProject(ProjectFile projectFile, Project project, boolean standalone, Path root) {
        projects.put(project.name(), project);
        tasks.addAll(TaskReader.read(projectFile, project, standalone, root, false));
    }

    private Workspace finish(Path root, boolean standalone, RemoteCacheConfig remoteCache) {
        SortedMap<String, TaskDef> byId = new TreeMap<>();
        tasks.forEach(parsed -> byId.put(parsed.task().id(), parsed.task()));
        tasks.forEach(parsed -> checkDependencies(parsed, byId));
        return new Workspace(root, standalone, projects, byId, configFiles, warnings, remoteCache);
    }

    private static void checkDependencies(TaskReader.ParsedTask parsed, SortedMap<String, TaskDef> tasks) {
        TaskDef task = parsed.task();
        for (String dependency : task.dependsOn()) {
            if (!tasks.containsKey(dependency)) {
                List<String> context = new ArrayList<>();
                context.add(parsed.file().at(parsed.dependencyLines().getOrDefault(dependency, task.location().line())));
                ClosestMatch.in(dependency, tasks.keySet()).ifPresent(id -> context.add("did you mean '" + id + "'?"));
                throw new SameException("missing dependency: task '" + task.id() + "' depends on '" + dependency
                        + "', which does not exist", context);
            }
        }
    }
}
