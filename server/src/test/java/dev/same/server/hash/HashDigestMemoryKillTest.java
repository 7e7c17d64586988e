package dev.same.server.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persisted digest memory (the daemon's per-file stat and digest table) survives a {@code kill -9} in the middle
 * of a save: what the next process loads is either a whole, correct memory or an empty one, never a wrong digest.
 */
class HashDigestMemoryKillTest {
    private static final int FILES = 3_000;

    @Test
    void aProcessKilledWhileSavingLeavesAMemoryThatIsWholeOrIgnored(@TempDir Path temp) throws Exception {
        Path root = Files.createDirectories(temp.resolve("files"));
        for (int i = 0; i < FILES; i++) {
            Files.writeString(root.resolve("f" + i + ".txt"), "content of file " + i + "\n");
        }
        Path memory = temp.resolve("state/file-digests");
        Random random = new Random(20); // seeded: the same kill moments on every run
        int whole = 0;
        for (int round = 0; round < 6; round++) {
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), DigestMemoryWriter.class.getName(),
                    root.toString(), memory.toString()).redirectErrorStream(true).start();
            try (var lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("saving", lines.readLine());
                Thread.sleep(random.nextInt(1_000)); // lets it reach some moment of some save, not a synchronisation
                writer.destroyForcibly();
                assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            }

            FileDigests loaded = FileDigests.load(memory);
            assertTrue(loaded.size() == 0 || loaded.size() == FILES, "whole or ignored: " + loaded.size());
            if (loaded.size() == FILES) {
                whole++;
                for (int i = 0; i < FILES; i += 97) {
                    String name = "f" + i + ".txt";
                    assertEquals(Digest.ofFile(root.resolve(name)), loaded.digest(root, name), name);
                }
            }
        }
        assertTrue(whole > 0, "at least one save completed before a kill, so the load path was checked");
    }
}
