package dev.same.server.env;

import dev.same.server.config.Project;
import dev.same.server.config.TaskDef;
import dev.same.server.env.nix.NixSystem;

/** Resolves the tool environment a task runs with. */
public interface EnvironmentResolver {
    ToolEnvironment resolve(Project project, TaskDef task);

    /**
     * The platform that is part of the hash of every task that is not {@code portable} (a task run with the
     * machine's own tools may give another result on another OS or CPU, and a remote cache is shared between
     * machines): {@code x86_64-linux}, {@code aarch64-darwin}, …
     */
    default String platform() {
        return NixSystem.current();
    }
}
