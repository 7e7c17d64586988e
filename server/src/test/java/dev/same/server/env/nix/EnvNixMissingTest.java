package dev.same.server.env.nix;

import dev.same.server.env.nix.NixCli;
import dev.same.server.SameException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without nix on PATH, the error says how to install it and how to do without. */
class EnvNixMissingTest {
    @Test
    void saysHowToInstallNixOrRunWithoutTools() {
        NixCli nix = new NixCli(Map.of("PATH", "/nonexistent"), List.of(), Path.of("/"));

        SameException e = assertThrows(SameException.class, () -> nix.printDevEnv(Path.of("/x.nix")));

        assertEquals("Nix is not installed: tasks with 'tools' get them from Nix, and 'nix' is not on PATH",
                e.getMessage());
        assertTrue(e.context().getFirst().contains("apt-get install nix-bin"), e.context().getFirst());
        assertTrue(e.context().getFirst().contains("Nix installer"), e.context().getFirst());
        assertTrue(e.context().get(1).contains("remove 'tools' from the task"), e.context().get(1));
    }
}
