package dev.same.server.env.nix;

import dev.same.server.process.Output;
import dev.same.server.process.ProcessRunner;
import dev.same.server.process.Executables;
import dev.same.server.SameException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code nix print-dev-env --json --impure -f <expression file>} and returns what it printed. */
public final class NixCli {
    /** {@code builtins.getFlake} and {@code nix print-dev-env} need these on Nix versions that gate them. */
    static final List<String> FEATURES = List.of("--extra-experimental-features", "nix-command flakes");

    private final Map<String, String> environment;
    private final List<String> options;
    private final Path directory;

    /**
     * @param environment where {@code nix} is looked up (PATH) and what it runs with
     * @param options     extra options before the subcommand, e.g. {@code --option substituters ""}
     * @param directory   where it runs
     */
    public NixCli(Map<String, String> environment, List<String> options, Path directory) {
        this.environment = Map.copyOf(environment);
        this.options = List.copyOf(options);
        this.directory = directory;
    }

    String printDevEnv(Path expression) {
        Path nix = Executables.resolve("nix", environment.get("PATH"), directory).orElseThrow(NixCli::missing);
        List<String> argv = new ArrayList<>();
        argv.add(nix.toString());
        argv.addAll(FEATURES);
        argv.addAll(options);
        argv.addAll(List.of("print-dev-env", "--json", "--impure", "-f", expression.toString()));
        ProcessRunner.Result result;
        try {
            result = ProcessRunner.run(argv, directory, environment, null);
        } catch (IOException e) {
            throw new SameException("cannot start nix (" + nix + "): " + e.getMessage(), List.of(
                    "check that it is a working Nix installation: nix --version"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SameException("interrupted while nix built the tool environment");
        }
        if (result.exitCode() != 0) {
            List<String> context = new ArrayList<>();
            context.add("nix print-dev-env exited with status " + result.exitCode() + "; it printed:");
            context.addAll(Output.lastLines(result.stderr()));
            context.add("the expression it evaluated: " + expression);
            throw new SameException("nix failed to build the tool environment", context);
        }
        return result.stdout();
    }

    static SameException missing() {
        return new SameException("Nix is not installed: tasks with 'tools' get them from Nix, and 'nix' is not on PATH",
                List.of("install it: on Debian or Ubuntu 'apt-get install nix-bin', elsewhere the Nix installer "
                                + "(https://nixos.org/download)",
                        "or run without Nix: remove 'tools' from the task, which then uses the programs on your PATH",
                        "if you have just installed it, restart the daemon so it sees the new PATH: "
                                + "same daemon restart"));
    }
}
