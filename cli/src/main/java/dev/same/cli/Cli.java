package dev.same.cli;

import dev.same.cli.render.Terminal;
import java.nio.file.Path;
import java.util.Map;

/** What a command needs from the outside world: the caller's environment, directory and terminal. */
public record Cli(Map<String, String> environment, Path cwd, Terminal terminal) {

    public static Cli system() {
        Map<String, String> env = System.getenv();
        return new Cli(env, Path.of("").toAbsolutePath(), Terminal.system(env));
    }

    public Cli withCwd(Path directory) {
        return new Cli(environment, cwd.resolve(directory).normalize(), terminal);
    }
}
