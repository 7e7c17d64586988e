package dev.same.server.config;

import dev.same.server.SameException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

/**
 * The content of a {@code same.work.yaml}.
 *
 * @param root            the real workspace root: the workfile's directory joined with its {@code root} key
 * @param tools           workspace tools, inherited by every project
 * @param projectPatterns where the projects are, relative to {@code root}
 * @param env             the workspace's environment command, inherited by every project; null when absent
 * @param remoteCache     {@code cache: { remote: ... }}; null when absent
 * @param portable        {@code cache: { portable: true }}: what a task that does not say {@code portable} is
 */
record Workfile(ConfigFile file, Path root, SortedMap<String, String> tools, List<ProjectPattern> projectPatterns,
                EnvCommand env, RemoteCacheConfig remoteCache, boolean portable) {
    static final List<String> KEYS = List.of("version", "root", "tools", "env", "projects", "cache");

    /** One entry of {@code projects}, with its line for messages. */
    record ProjectPattern(String pattern, int line) {
    }

    static Workfile read(ConfigFile file, List<String> warnings) {
        file.checkVersion();
        file.unknownKeys(KEYS).forEach(unknown -> warnings.add(file.unknownKeyWarning(unknown, KEYS)));
        Path root = root(file);
        CacheSettingsReader.CacheSettings cache = CacheSettingsReader.read(file);
        return new Workfile(file, root, file.tools(), patterns(file), env(file, root), cache.remote(), cache.portable());
    }

    private static EnvCommand env(ConfigFile file, Path root) {
        String dir = RootRelativePath.resolve(root, "", file.path().getParent().toString()).orElse(null);
        if (dir == null && file.content().present("env").isPresent()) {
            throw new SameException("'env' in " + file.name() + " must be inside the workspace root",
                    List.of(file.at(file.content().lineOf("env")), "move it to the same.yaml of a project"));
        }
        return dir == null ? null : file.env(dir, root, "'env' in " + file.name());
    }

    /** The directory of {@code file} joined with its {@code root} key, if any: real, and checked to exist. */
    static Path root(ConfigFile file) {
        Path dir = file.path().getParent();
        YamlNode node = file.content().present("root").orElse(null);
        if (node == null) {
            return dir;
        }
        String written = file.string(node, "'root'");
        try {
            Path root = dir.resolve(written).toRealPath();
            if (Files.isDirectory(root)) {
                return root;
            }
        } catch (IOException e) {
            // reported below, like a root that is a file
        }
        throw new SameException("workspace root '" + written + "' is not a directory",
                List.of(file.at(node.line()), "'root' is relative to the directory of " + file.name()));
    }

    private static List<ProjectPattern> patterns(ConfigFile file) {
        return file.content().present("projects")
                .map(node -> file.scalarList(node, "'projects'"))
                .orElse(List.of())
                .stream()
                .map(pattern -> new ProjectPattern(pattern.text(), pattern.line()))
                .toList();
    }
}
