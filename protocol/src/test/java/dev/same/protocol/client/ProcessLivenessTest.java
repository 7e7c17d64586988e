package dev.same.protocol.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcessLivenessTest {
    @Test
    void aZombieDoesNotRunThoughTheJdkCountsItAlive() throws Exception {
        // the shell becomes a sleep that never reaps its background child: killed, the child stays a zombie
        Process parent = new ProcessBuilder("sh", "-c", "sleep 60 & echo $!; exec sleep 60").start();
        try {
            long child = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine().strip());
            assertTrue(ProcessLiveness.isRunning(child), "a sleeping process runs");
            ProcessHandle.of(child).orElseThrow().destroyForcibly();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!ProcessLiveness.isZombie(child)) {
                assertTrue(System.nanoTime() < deadline, "the killed child became a zombie");
                Thread.sleep(5);
            }
            assertTrue(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false),
                    "the JDK counts the zombie alive");
            assertFalse(ProcessLiveness.isRunning(child), "a zombie does not run");
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void thisProcessRunsAndAnUnusedPidDoesNot() {
        assertTrue(ProcessLiveness.isRunning(ProcessHandle.current().pid()));
        assertFalse(ProcessLiveness.isRunning(Integer.MAX_VALUE));
    }
}
