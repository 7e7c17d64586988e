package dev.same.server.launch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.protocol.client.DaemonLock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's AOT training drives a real daemon through its whole start-up path, and leaves it stopped. */
class DaemonAotTrainingTest {
    @Test
    void aRealDaemonServesEveryTrainingRequestAndStops(@TempDir Path temp) throws Exception {
        DaemonAotTraining.train(temp.toRealPath());

        Path root = temp.toRealPath().resolve("workspace");
        for (int p = 0; p < 6; p++) {
            assertTrue(Files.isRegularFile(root.resolve("packages/p" + p + "/dist/out.txt")), "p" + p + " was built");
        }
        assertTrue(Files.readString(root.resolve("packages/p0/dist/out.txt")).startsWith("edited\n"),
                "the run after the edit saw it");
        assertFalse(DaemonLock.isHeld(root.resolve(".same/daemon")), "the daemon stopped");
    }
}
