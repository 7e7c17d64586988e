package dev.same.cli;

import dev.same.protocol.client.SameSettings;
import dev.same.cli.render.Terminal;
import java.nio.file.Path;
import java.util.Map;

/** What a command needs from the outside world: the caller's environment, directory and terminal. */
public record Cli(Map<String, String> environment, Path cwd, Terminal terminal) {

    public static Cli system() {
        Map<String, String> env = System.getenv();
        return new Cli(env, Path.of("").toAbsolutePath(), Terminal.system(env));
    }

    /**
     * The caller's variables tasks receive (HOME, TERM, USER, PATH) and its remote cache settings (never given to
     * tasks): all a run request needs to carry.
     */
    public Map<String, String> taskEnvironment() {
        return dev.same.protocol.client.CallerEnvironment.of(environment);
    }

    /** The {@code SAME_*} settings; a variable whose value does not parse is an error naming it. */
    public SameSettings settings() {
        return SameSettings.from(environment);
    }

    public Cli withCwd(Path directory) {
        return new Cli(environment, cwd.resolve(directory).normalize(), terminal);
    }
}
