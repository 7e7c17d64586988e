package dev.same.server.env;

import dev.same.server.cache.CacheDirectory;
import dev.same.server.config.ConfigLoader;
import dev.same.server.config.Project;
import dev.same.server.config.TaskDef;
import dev.same.server.config.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A temporary workspace with config files, and resolvers for it. */
final class EnvFixture {
    final Path root;

    EnvFixture(Path dir) {
        try {
            this.root = dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EnvFixture file(String relative, String content) {
        try {
            Path path = root.resolve(relative);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String relative) {
        try {
            return Files.exists(root.resolve(relative)) ? Files.readString(root.resolve(relative)) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many times a command that appends a line to {@code relative} ran. */
    long runs(String relative) {
        return read(relative).lines().count();
    }

    Workspace load() {
        return ConfigLoader.load(root);
    }

    static EnvSettings settings(Duration commandTimeout, URI nixhub, Map<String, String> environment) {
        return new EnvSettings(nixhub, Duration.ofSeconds(5), commandTimeout, "x86_64-linux", "x86_64-linux", environment);
    }

    ToolEnvironmentResolver resolver(Duration commandTimeout) {
        return resolver(commandTimeout, System.getenv());
    }

    ToolEnvironmentResolver resolver(Duration commandTimeout, Map<String, String> serverEnvironment) {
        return new ToolEnvironmentResolver(CacheDirectory.of(root),
                settings(commandTimeout, URI.create("http://127.0.0.1:9"), serverEnvironment));
    }

    ToolEnvironmentResolver resolver() {
        return resolver(Duration.ofSeconds(30));
    }

    static ToolEnvironment resolve(ToolEnvironmentResolver resolver, Workspace workspace, String taskId) {
        TaskDef task = workspace.tasks().get(taskId);
        Project project = workspace.projects().get(task.project());
        return resolver.resolve(project, task);
    }

    static List<TaskDef> tasks(Workspace workspace, String... ids) {
        return java.util.Arrays.stream(ids).map(workspace.tasks()::get).toList();
    }
}
