package dev.same.server.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.server.SameException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecDeclaredTargetsTest {
    @TempDir
    Path temp;

    private Path file(String relative) throws Exception {
        Path path = temp.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, relative);
    }

    @Test
    void removesEveryTargetButKeepsAnotherTasksTargetInsideIt() throws Exception {
        Path root = temp.toRealPath();
        file("out/stale.txt");
        file("out/deep/old.txt");
        file("out/lib/built.txt");
        file("single.txt");

        DeclaredTargets.remove(root, List.of("out", "single.txt", "absent"), List.of("out/lib"));

        assertFalse(Files.exists(root.resolve("out/stale.txt")));
        assertFalse(Files.exists(root.resolve("out/deep")));
        assertFalse(Files.exists(root.resolve("single.txt")));
        assertTrue(Files.exists(root.resolve("out/lib/built.txt")), "another task's output stays");
    }

    @Test
    void removesALinkNotWhatItPointsAt() throws Exception {
        Path root = temp.toRealPath();
        Path kept = file("elsewhere/keep.txt");
        Files.createSymbolicLink(root.resolve("link"), root.resolve("elsewhere"));

        DeclaredTargets.remove(root, List.of("link"), List.of());

        assertFalse(Files.exists(root.resolve("link"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(kept));
    }

    @Test
    void refusesATargetBelowALinkLeadingOutOfTheWorkspace(@TempDir Path outside) throws Exception {
        Path root = Files.createDirectories(temp.resolve("ws")).toRealPath();
        Path victim = Files.writeString(outside.resolve("victim.txt"), "mine");
        Files.createSymbolicLink(root.resolve("dist"), outside);

        SameException refused = assertThrows(SameException.class,
                () -> DeclaredTargets.remove(root, List.of("dist/victim.txt"), List.of()));

        assertTrue(refused.getMessage().contains("outside the workspace"), refused.getMessage());
        assertTrue(Files.exists(victim));
    }

    @Test
    void namesTheTargetsThatDoNotExist() throws Exception {
        Path root = temp.toRealPath();
        file("made.txt");

        assertEquals(List.of("forgotten.txt"), DeclaredTargets.missing(root, List.of("made.txt", "forgotten.txt")));
    }
}
