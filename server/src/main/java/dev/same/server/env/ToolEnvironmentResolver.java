package dev.same.server.env;

import dev.same.server.env.command.CommandEnvironments;
import dev.same.server.env.command.EnvCommandRunner;
import dev.same.server.env.nix.NixCli;
import dev.same.server.env.nix.NixEnvironments;
import dev.same.server.env.nix.NixPackageResolver;
import dev.same.server.env.nix.NixResolutionCache;
import dev.same.server.env.nix.NixhubClient;
import dev.same.server.env.nix.ToolSpec;
import dev.same.server.SameException;
import dev.same.server.cache.CacheDirectory;
import dev.same.server.config.EnvCommand;
import dev.same.server.config.Project;
import dev.same.server.config.TaskDef;
import dev.same.server.config.Workspace;
import dev.same.server.hash.Digest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The environments tasks run with: Nix tools ({@code tools}), an environment command ({@code env}), both, or none.
 *
 * <p>An environment is identified by a hash of what determines it (tool specs with their resolved commits and
 * attribute paths and the system; or the command, its directory and its files' content); that hash is part of the
 * hash of every task using it. Resolved environments are kept on disk ({@code .same/tools/env/}) for later
 * processes and in memory for this one's life; concurrent requests for one environment resolve it once. A memory
 * entry of a command is dropped when a file it depends on changes ({@link #invalidate}). Failures are remembered
 * too, so that live status does not rerun a broken command at every change, and retried by {@link #prepare} and
 * {@link #resolveNow}.
 */
public final class ToolEnvironmentResolver implements EnvironmentResolver {
    /** Tasks without tools or env: no variables, and the hash tasks had before environments existed. */
    public static final ToolEnvironment NONE = new ToolEnvironment(Digest.of("host\n"), new TreeMap<>());

    private record CommandKey(List<String> command, List<String> files, String baseDir) {
        static CommandKey of(EnvCommand env) {
            return new CommandKey(env.command(), env.files(), env.baseDir());
        }

        boolean dependsOn(Collection<String> changed) {
            return files.stream().anyMatch(file -> changed.stream()
                    .anyMatch(path -> file.equals(path) || file.startsWith(path + "/")));
        }
    }

    private final NixEnvironments nix;
    private final CommandEnvironments commands;
    private final EnvironmentStore store;
    private final Memo<List<ToolSpec>, ToolEnvironment> byTools = new Memo<>(true);
    private final Memo<CommandKey, ToolEnvironment> byCommand = new Memo<>(true);
    private final Memo<String, SortedMap<String, String>> byIdentity = new Memo<>(false);
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final String platform;

    public ToolEnvironmentResolver(CacheDirectory cache, EnvSettings settings) {
        this(cache, settings, List.of());
    }

    /** @param nixOptions extra options for every {@code nix} call, e.g. {@code --option substituters ""} */
    public ToolEnvironmentResolver(CacheDirectory cache, EnvSettings settings, List<String> nixOptions) {
        this.store = new EnvironmentStore(cache.toolsDir().resolve("env"));
        this.platform = settings.platform();
        this.nix = new NixEnvironments(
                new NixPackageResolver(new NixhubClient(settings.nixhubUrl(), settings.resolverTimeout()),
                        new NixResolutionCache(cache.cacheDir().resolve("nixhub")), settings.system()),
                new NixCli(settings.processEnvironment(), nixOptions, cache.root()),
                cache.toolsDir().resolve("nix"), settings.system());
        this.commands = new CommandEnvironments(cache.root(),
                new EnvCommandRunner(cache.root(), settings.commandTimeout(), settings.processEnvironment()));
    }

    @Override
    public String platform() {
        return platform;
    }

    /** The task's environment; a remembered failure is thrown again. */
    @Override
    public ToolEnvironment resolve(Project project, TaskDef task) {
        return resolve(project, task, false);
    }

    /** The task's environment, resolving again what failed before. */
    public ToolEnvironment resolveNow(Project project, TaskDef task) {
        return resolve(project, task, true);
    }

    /**
     * Resolves the environments of all {@code tasks} (each distinct one once, in parallel), retrying earlier
     * failures: a run calls this before its first task starts.
     *
     * @throws SameException the first failure, naming the tasks that need the environment
     */
    public void prepare(Workspace workspace, Collection<TaskDef> tasks) {
        Map<Object, List<TaskDef>> byDefinition = new LinkedHashMap<>();
        for (TaskDef task : tasks) {
            if (!task.tools().isEmpty() || task.env() != null) {
                byDefinition.computeIfAbsent(definition(workspace.projects().get(task.project()), task),
                        d -> new ArrayList<>()).add(task);
            }
        }
        if (byDefinition.isEmpty()) {
            return;
        }
        Map<Object, Future<ToolEnvironment>> futures = new LinkedHashMap<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            byDefinition.forEach((definition, users) -> futures.put(definition, executor.submit(() ->
                    resolveNow(workspace.projects().get(users.getFirst().project()), users.getFirst()))));
        }
        List<SameException> failures = new ArrayList<>();
        List<List<TaskDef>> failedUsers = new ArrayList<>();
        futures.forEach((definition, future) -> {
            try {
                future.get();
            } catch (ExecutionException e) {
                failures.add(e.getCause() instanceof SameException same ? same : new SameException(
                        "cannot resolve the environment: " + e.getCause(), List.of(), e.getCause()));
                failedUsers.add(byDefinition.get(definition));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SameException("interrupted while resolving task environments");
            }
        });
        if (!failures.isEmpty()) {
            SameException first = failures.getFirst();
            List<String> context = new ArrayList<>(first.context());
            context.add("needed by " + String.join(", ", failedUsers.getFirst().stream().map(TaskDef::id).toList())
                    + "; no task was started");
            if (failures.size() > 1) {
                context.add((failures.size() - 1) + " more environment(s) failed too: "
                        + String.join("; ", failures.subList(1, failures.size()).stream().map(Throwable::getMessage)
                        .toList()));
            }
            throw new SameException(first.getMessage(), context, first);
        }
    }

    /**
     * Forgets the environments of commands that depend on a changed file, so the next request reads the files
     * again (and gets a new hash when they changed).
     *
     * @param changedPaths root-relative, '/'-separated
     * @param everything   changes may have been lost: forget every command's environment
     */
    public void invalidate(Collection<String> changedPaths, boolean everything) {
        if (everything) {
            byCommand.clear();
        } else if (!changedPaths.isEmpty()) {
            byCommand.removeIf(key -> key.dependsOn(changedPaths));
        }
    }

    /** Forgets every environment and resolution held in memory: after {@code same clean}, resolve afresh. */
    public void forgetAll() {
        byTools.clear();
        byCommand.clear();
        byIdentity.clear();
    }

    /** Requests answered without running anything: from memory or from disk. */
    public long hits() {
        return hits.get();
    }

    /** Requests that ran an environment command or built a Nix environment. */
    public long misses() {
        return misses.get();
    }

    /** Where the task's environment comes from, in words: "none", "nix: go@1.22", "command: … (file:line)". */
    public String describe(Project project, TaskDef task) {
        List<String> parts = new ArrayList<>();
        if (!task.tools().isEmpty() && project != null) {
            parts.add("nix: " + String.join(", ", NixEnvironments.specs(project.tools(), task.tools()).stream()
                    .map(ToolSpec::toString).toList()));
        }
        if (task.env() != null) {
            parts.add(commands.describe(task.env()));
        }
        return parts.isEmpty() ? "none" : String.join(" + ", parts);
    }

    private ToolEnvironment resolve(Project project, TaskDef task, boolean retryFailed) {
        ToolEnvironment tools = null;
        if (!task.tools().isEmpty() && project != null) {
            List<ToolSpec> specs = NixEnvironments.specs(project.tools(), task.tools());
            tools = byTools.get(specs, () -> nixEnvironment(specs), retryFailed, hits::incrementAndGet);
        }
        ToolEnvironment command = null;
        if (task.env() != null) {
            EnvCommand env = task.env();
            command = byCommand.get(CommandKey.of(env), () -> commandEnvironment(env), retryFailed,
                    hits::incrementAndGet);
        }
        return combine(tools, command);
    }

    private ToolEnvironment nixEnvironment(List<ToolSpec> specs) {
        NixEnvironments.Plan plan = nix.plan(specs);
        return new ToolEnvironment(plan.identity(),
                stored(plan.identity(), plan.describe(), () -> nix.build(plan)));
    }

    private ToolEnvironment commandEnvironment(EnvCommand env) {
        String identity = commands.identity(env);
        return new ToolEnvironment(identity, stored(identity, commands.describe(env), () -> commands.run(env)));
    }

    /** From disk if a process resolved it before, else built (once, however many ask) and stored. */
    private SortedMap<String, String> stored(String identity, String source,
                                             java.util.function.Supplier<SortedMap<String, String>> build) {
        return byIdentity.get(identity, () -> store.load(identity).map(variables -> {
            hits.incrementAndGet();
            return Collections.unmodifiableSortedMap(variables);
        }).orElseGet(() -> {
            misses.incrementAndGet();
            SortedMap<String, String> variables = build.get();
            store.save(identity, source, variables);
            return Collections.unmodifiableSortedMap(new TreeMap<>(variables));
        }), false, hits::incrementAndGet);
    }

    /** Nix tools and a command together: the command's variables win, its PATH goes in front of the tools'. */
    static ToolEnvironment combine(ToolEnvironment tools, ToolEnvironment command) {
        if (tools == null && command == null) {
            return NONE;
        }
        if (tools == null) {
            return command;
        }
        if (command == null) {
            return tools;
        }
        SortedMap<String, String> variables = new TreeMap<>(tools.variables());
        command.variables().forEach((name, value) -> variables.merge(name, value,
                (fromTools, fromCommand) -> name.equals("PATH") ? fromCommand + ":" + fromTools : fromCommand));
        return new ToolEnvironment(new Identity("combined").add(tools.hash()).add(command.hash()).hash(), variables);
    }

    private static Object definition(Project project, TaskDef task) {
        return List.of(project == null || task.tools().isEmpty() ? List.of()
                        : NixEnvironments.specs(project.tools(), task.tools()),
                task.env() == null ? List.of() : CommandKey.of(task.env()));
    }
}
