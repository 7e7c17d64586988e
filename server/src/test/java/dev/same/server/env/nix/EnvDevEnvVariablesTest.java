package dev.same.server.env.nix;

import dev.same.server.env.nix.DevEnvVariables;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The variables taken from {@code nix print-dev-env --json}. The fixture was recorded from Nix 2.8 (Debian's
 * nix-bin) for a plain derivation; its array and associative entries were added in the documented format, since
 * only structured attributes produce them.
 */
public class EnvDevEnvVariablesTest {
    @Test
    void keepsTheToolsVariablesAndDropsTheShellsBookkeeping() {
        var variables = DevEnvVariables.parse(read("/env/print-dev-env.json"));

        assertEquals(new TreeMap<>(Map.of(
                "FOO", "bar",
                "GREETING", "hello world",
                "PATH", "/opt/tool/bin:/opt/other/bin",
                "XDG_DATA_DIRS_LIST", "/nix/store/aaa-go/share:/nix/store/bbb-node/share")), variables);
    }

    @Test
    void theDroppedNamesAreTheDocumentedOnes() {
        for (String name : new String[] {"HOME", "PWD", "OLDPWD", "SHLVL", "TMP", "TMPDIR", "TEMP", "TEMPDIR",
                "NIX_BUILD_TOP", "NIX_BUILD_CORES", "NIX_STORE", "TERM", "SHELL", "BASH", "BASH_VERSION",
                "SOURCE_DATE_EPOCH", "__structuredAttrs", "out", "outputs", "builder", "buildPhase", "shellHook",
                "phases", "system", "stdenv", "name", "dontAddDisableDepTrack", "initialPath"}) {
            assertTrue(DevEnvVariables.dropped(name), name);
        }
        for (String name : new String[] {"PATH", "GOROOT", "CC", "NIX_CFLAGS_COMPILE", "XDG_DATA_DIRS"}) {
            assertTrue(!DevEnvVariables.dropped(name), name);
        }
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DevEnvVariables.parse("warning: something"));
        assertThrows(IllegalArgumentException.class, () -> DevEnvVariables.parse("{\"bashFunctions\": {}}"));
    }

    public static String read(String resource) {
        try (var in = EnvDevEnvVariablesTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
