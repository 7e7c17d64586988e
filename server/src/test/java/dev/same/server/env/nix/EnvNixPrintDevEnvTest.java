package dev.same.server.env.nix;

import dev.same.server.env.nix.DevEnvVariables;
import dev.same.server.env.nix.NixCli;
import dev.same.server.process.Output;
import dev.same.server.SameException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nix print-dev-env} for real, on a local, self-contained derivation that needs no nixpkgs download
 * (Debian's {@code nix-bin} package is enough). Skipped, saying why, where nix is missing or cannot build.
 */
class EnvNixPrintDevEnvTest {
    /** Offline: never ask a binary cache; the derivation builds locally in a blink. */
    private static final List<String> OFFLINE = List.of("--option", "substituters", "");
    private static final String DERIVATION = """
            derivation {
              name = "same-env-test";
              system = builtins.currentSystem;
              builder = "/bin/bash";
              outputs = [ "out" ];
              FOO = "bar";
              GREETING = "hello world";
              PATH = "/opt/tool/bin:/opt/other/bin";
            }
            """;

    @TempDir
    Path dir;

    @BeforeAll
    static void nixCanBuildHere(@TempDir Path probeDir) throws Exception {
        String path = System.getenv("PATH");
        Assumptions.assumeTrue(dev.same.server.process.Executables.resolve("nix", path, java.nio.file.Path.of("/")).isPresent(),
                "skipped: 'nix' is not on PATH (install Debian's nix-bin package: apt-get install -y nix-bin)");
        Path file = probeDir.resolve("probe.nix");
        Files.writeString(file, DERIVATION);
        List<String> argv = new ArrayList<>(List.of("nix"));
        argv.addAll(NixCli.FEATURES);
        argv.addAll(OFFLINE);
        argv.addAll(List.of("print-dev-env", "--json", "--impure", "-f", file.toString()));
        Process probe = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = probe.waitFor(120, TimeUnit.SECONDS);
        Assumptions.assumeTrue(finished && probe.exitValue() == 0,
                "skipped: nix is installed but cannot build a local derivation here (no writable store or no "
                        + "build permissions?): " + Output.trimmed(output));
    }

    private NixCli nix() {
        return new NixCli(System.getenv(), OFFLINE, dir);
    }

    @Test
    void printsTheVariablesOfALocalDerivation() throws IOException {
        Path file = dir.resolve("shell.nix");
        Files.writeString(file, DERIVATION);

        Map<String, String> variables = DevEnvVariables.parse(nix().printDevEnv(file));

        assertEquals("bar", variables.get("FOO"));
        assertEquals("hello world", variables.get("GREETING"));
        assertEquals("/opt/tool/bin:/opt/other/bin", variables.get("PATH"));
        assertFalse(variables.containsKey("HOME"), variables.toString());
        assertFalse(variables.containsKey("NIX_BUILD_TOP"), variables.toString());
        assertFalse(variables.containsKey("out"), variables.toString());
    }

    @Test
    void aFailingNixShowsItsErrorOutput() throws IOException {
        Path file = dir.resolve("broken.nix");
        Files.writeString(file, "let x = ; in x\n");

        SameException e = assertThrows(SameException.class, () -> nix().printDevEnv(file));

        assertEquals("nix failed to build the tool environment", e.getMessage());
        assertTrue(String.join("\n", e.context()).contains("syntax error"), String.join("\n", e.context()));
        assertEquals("the expression it evaluated: " + file, e.context().getLast());
    }
}
