package dev.same.server.env.command;

import dev.same.server.env.Identity;
import dev.same.server.SameException;
import dev.same.server.config.EnvCommand;
import dev.same.server.hash.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

/** Environments printed by commands: identified by the command, where it runs and its files' content. */
public final class CommandEnvironments {
    private final Path root;
    private final EnvCommandRunner runner;

    public CommandEnvironments(Path root, EnvCommandRunner runner) {
        this.root = root;
        this.runner = runner;
    }

    /** The hash of what determines the environment: argv, directory, and every file's path and content. */
    public String identity(EnvCommand env) {
        Identity identity = new Identity("command").addAll(env.command()).add(env.baseDir());
        identity.add(Integer.toString(env.files().size()));
        for (String file : env.files()) {
            identity.add(file).add(contentOf(env, file));
        }
        return identity.hash();
    }

    public SortedMap<String, String> run(EnvCommand env) {
        return runner.run(env);
    }

    public String describe(EnvCommand env) {
        return "command: " + EnvCommandRunner.text(env) + " (" + runner.where(env) + ")";
    }

    private String contentOf(EnvCommand env, String file) {
        Path path = root.resolve(file);
        try {
            if (Files.isDirectory(path)) {
                throw new SameException("environment file is a directory: " + file, List.of(
                        "at " + runner.where(env), "list the files the command reads, not their directory"));
            }
            return Digest.ofFile(path);
        } catch (NoSuchFileException e) {
            return "absent"; // a file that appears later changes the identity, as it should
        } catch (IOException e) {
            throw new SameException("cannot read environment file " + file + ": " + e.getMessage(),
                    List.of("at " + runner.where(env)));
        }
    }
}
