package dev.same.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed owner left under .same/ is removed by the next one to take charge; a live owner's never. */
class LeftBehindFilesTest {
    private static final String DIGEST = "ab" + "0".repeat(62);

    @TempDir
    Path root;

    @Test
    void removesTheTemporaryFilesOfOwnersThatAreGoneAndNothingElse() throws Exception {
        long dead = deadPid();
        long self = ProcessHandle.current().pid();
        List<String> left = List.of(
                "tmp/log-" + dead + "-1700000000000-123.txt",
                "cache/cas/.blob." + dead + "-0123456789abcdef.same-tmp",
                "cache/actions/ab/." + DIGEST + ".json." + dead + "-00000000000000ff.same-tmp",
                "cache/last/.build." + dead + "-1f.same-tmp",
                "cache/.file-digests." + dead + "-2a.tmp",
                "cache/.failures." + dead + ".tmp",
                "daemon/daemon.json." + dead + ".tmp",
                "running/.1-2." + dead + "-3b.same-tmp");
        List<String> kept = List.of(
                "tmp/" + LeftBehindFiles.logPrefix() + "1.txt",
                "cache/cas/." + "blob." + self + "-0123456789abcdef.same-tmp",
                "cache/cas/ab/" + DIGEST,
                "cache/actions/ab/" + DIGEST + ".json",
                "cache/file-digests",
                "daemon/daemon.log",
                "tmp/notes.txt");
        for (String file : Stream.concat(left.stream(), kept.stream()).toList()) {
            Path path = root.resolve(".same").resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "x");
        }

        assertEquals(left.size(), LeftBehindFiles.sweep(root));

        left.forEach(file -> assertFalse(Files.exists(root.resolve(".same").resolve(file)), file));
        kept.forEach(file -> assertTrue(Files.exists(root.resolve(".same").resolve(file)), file));
    }

    @Test
    void aLiveProcessWhoseStartTimeDiffersIsAnotherOwner() throws Exception {
        long self = ProcessHandle.current().pid();
        assertTrue(LeftBehindFiles.ownerGone("log-" + self + "-1-9.txt"), "a reused pid");
        assertFalse(LeftBehindFiles.ownerGone(LeftBehindFiles.logPrefix() + "9.txt"));
        assertFalse(LeftBehindFiles.ownerGone("log-99999999999999999999-1-9.txt"), "not a name of ours");
    }

    @Test
    void anOwnerKilledButNotYetReapedIsGone() throws Exception {
        // the owner is the child of a process that never reaps (sleep): killed, it stays a zombie
        Process parent = new ProcessBuilder("sh", "-c", "sleep 300 & echo $!; exec sleep 301").start();
        try {
            long pid = Long.parseLong(parent.inputReader().readLine().trim());
            ProcessHandle owner = ProcessHandle.of(pid).orElseThrow();
            String name = "log-" + pid + "-" + owner.info().startInstant().orElseThrow().toEpochMilli() + "-1.txt";
            assertFalse(LeftBehindFiles.ownerGone(name));

            new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
            while (!Files.readString(Path.of("/proc/" + pid + "/stat")).matches("(?s).*\\) Z .*")) {
                Thread.onSpinWait(); // the signal is delivered asynchronously
            }
            assertTrue(owner.isAlive(), "to the JDK a zombie is alive");
            assertTrue(LeftBehindFiles.ownerGone(name));
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aWorkspaceWithoutSameDirectoryIsLeftAlone() {
        assertEquals(0, LeftBehindFiles.sweep(root));
        assertFalse(Files.exists(root.resolve(".same")));
    }

    private static long deadPid() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return gone.pid();
    }
}
