package dev.same.server.config;

import java.util.List;

/**
 * An environment produced by a command ({@code env:} in {@code same.work.yaml}, a {@code same.yaml} or a task), for
 * teams whose tools come from direnv, mise, devbox or a script of their own. The command prints a JSON object or
 * {@code KEY=VALUE} lines; what it prints depends only on the command and the content of {@code files}.
 *
 * @param command  argv; never empty
 * @param files    the files whose content determines the environment, relative to the workspace root
 *                 ('/'-separated), sorted, without duplicates; written relative to {@code baseDir}
 * @param baseDir  the directory of the config file the entry is written in, relative to the root ("" for the
 *                 root): the command runs there
 * @param location where the entry is written
 */
public record EnvCommand(List<String> command, List<String> files, String baseDir, SourceLocation location) {
    public EnvCommand {
        command = List.copyOf(command);
        files = List.copyOf(files);
    }
}
