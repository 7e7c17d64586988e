package dev.same.server.cache;

import dev.same.server.SameException;
import dev.same.server.hash.Digest;
import dev.same.server.hash.FileDigests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheOutputSnapshotTest {
    private static final FileTime OLD = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path root;

    private final OutputSnapshot snapshot = new OutputSnapshot();
    private ContentStore store;

    @BeforeEach
    void outputs() throws IOException {
        store = CacheDirectory.of(root).contentStore();
        write("dist/app.js", "console.log('app')");
        write("dist/lib/ü b.js", "lib");
        write("dist/bin/run", "#!/bin/sh\n");
        Files.setPosixFilePermissions(root.resolve("dist/bin/run"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(root.resolve("dist/empty"));
        Files.createSymbolicLink(root.resolve("dist/current"), Path.of("app.js"));
        Files.createDirectories(root.resolve("dist/.git"));
        write("dist/.git/ignored", "x");
        write("report.txt", "report");
    }

    private ActionRecord run(List<String> targets) throws IOException {
        List<OutputEntry> outputs = snapshot.capture(root, targets, store);
        return new ActionRecord(ActionRecord.FORMAT, "web:build", Digest.of("h"), outputs, null, 1,
                Instant.now(), List.of(), new TreeMap<>(), new TreeMap<>(Map.of()));
    }

    @Test
    void captureRecordsFilesDirectoriesAndLinks() throws IOException {
        List<OutputEntry> outputs = snapshot.capture(root, List.of("dist", "report.txt", "missing", "./dist/app.js"), store);
        assertEquals(List.of(
                OutputEntry.directory("dist"),
                OutputEntry.file("dist/app.js", Digest.of("console.log('app')"), false),
                OutputEntry.directory("dist/bin"),
                OutputEntry.file("dist/bin/run", Digest.of("#!/bin/sh\n"), true),
                OutputEntry.symlink("dist/current", "app.js"),
                OutputEntry.directory("dist/empty"),
                OutputEntry.directory("dist/lib"),
                OutputEntry.file("dist/lib/ü b.js", Digest.of("lib"), false),
                OutputEntry.file("report.txt", Digest.of("report"), false)), outputs);
        for (OutputEntry entry : outputs) {
            if (entry.kind() == OutputEntry.Kind.FILE) {
                assertTrue(store.contains(entry.digest()));
            }
        }
        assertThrows(SameException.class, () -> snapshot.capture(root, List.of("../x"), store));
    }

    @Test
    void aRestoreRemovesTheTemporaryCopiesAKilledRestoreLeftBesideItsOutputs() throws Exception {
        ActionRecord record = run(List.of("dist", "report.txt"));
        Files.delete(root.resolve("dist/app.js"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path leftByTheKilled = root.resolve("dist/.app.js." + gone.pid() + "-00000000000000ab.same-tmp");
        Path ofALiveRestore = root.resolve("dist/.app.js." + ProcessHandle.current().pid() + "-cd.same-tmp");
        Path besideAnUntouchedOutput = root.resolve("dist/.report.txt." + gone.pid() + "-ef.same-tmp"); // report.txt is intact
        for (Path temp : List.of(leftByTheKilled, ofALiveRestore, besideAnUntouchedOutput)) {
            Files.writeString(temp, "console.lo");
        }

        assertEquals(1, snapshot.restore(root, record, store));

        assertEquals("console.log('app')", Files.readString(root.resolve("dist/app.js")));
        assertFalse(Files.exists(leftByTheKilled), "its owner is gone");
        assertTrue(Files.exists(ofALiveRestore), "its owner may still be writing it");
        assertTrue(Files.exists(besideAnUntouchedOutput), "not beside anything this restore wrote");
    }

    @Test
    void intactUsesRememberedDigests() throws IOException {
        ActionRecord record = run(List.of("dist", "report.txt"));
        // a clock past the racy window: files hashed "now" would be re-read on every lookup
        var digests = new FileDigests(() -> Instant.now().plusSeconds(10));
        assertTrue(snapshot.intact(root, record, digests));
        long misses = digests.misses();
        assertTrue(snapshot.intact(root, record, digests));
        assertEquals(misses, digests.misses(), "unchanged outputs are not re-read");
    }

    @Test
    void intactSeesEveryKindOfChange() throws IOException {
        ActionRecord record = run(List.of("dist", "report.txt"));
        var digests = new FileDigests();

        Files.writeString(root.resolve("dist/app.js"), "changed");
        assertFalse(snapshot.intact(root, record, digests));
        assertEquals(1, snapshot.restore(root, record, store));
        assertTrue(snapshot.intact(root, record, digests));

        Files.delete(root.resolve("dist/empty"));
        assertFalse(snapshot.intact(root, record, digests));
        snapshot.restore(root, record, store);

        Files.delete(root.resolve("dist/current"));
        Files.createSymbolicLink(root.resolve("dist/current"), Path.of("lib"));
        assertFalse(snapshot.intact(root, record, digests));
        snapshot.restore(root, record, store);

        Files.setPosixFilePermissions(root.resolve("dist/bin/run"), PosixFilePermissions.fromString("rw-r--r--"));
        assertFalse(snapshot.intact(root, record, digests));
        assertEquals(1, snapshot.restore(root, record, store));
        assertTrue(Files.getPosixFilePermissions(root.resolve("dist/bin/run")).contains(PosixFilePermission.OWNER_EXECUTE));

        write("dist/extra.txt", "not ours");
        assertTrue(snapshot.intact(root, record, digests), "files the run did not produce do not matter");
    }

    @Test
    void restoreRewritesOnlyWhatIsMissingOrChanged() throws IOException {
        ActionRecord record = run(List.of("dist", "report.txt"));
        agePastRacyWindow();
        FileTime reportBefore = mtime("report.txt");
        FileTime libBefore = mtime("dist/lib/ü b.js");

        Files.delete(root.resolve("dist/app.js"));
        Files.writeString(root.resolve("dist/bin/run"), "#!/bin/sh\nrm -rf /\n");

        assertEquals(2, snapshot.restore(root, record, store));
        assertEquals("console.log('app')", Files.readString(root.resolve("dist/app.js")));
        assertEquals("#!/bin/sh\n", Files.readString(root.resolve("dist/bin/run")));
        assertTrue(Files.getPosixFilePermissions(root.resolve("dist/bin/run")).contains(PosixFilePermission.OWNER_EXECUTE));
        assertEquals(reportBefore, mtime("report.txt"), "intact output untouched");
        assertEquals(libBefore, mtime("dist/lib/ü b.js"), "intact output untouched");
        assertTrue(snapshot.intact(root, record, new FileDigests()));
        assertEquals(0, snapshot.restore(root, record, store), "nothing to write when intact");
    }

    @Test
    void restoreRebuildsAWholeDeletedTargetIncludingEmptyDirectoriesAndLinks() throws IOException {
        ActionRecord record = run(List.of("dist"));
        OutputSnapshot.deleteRecursively(root.resolve("dist"));

        assertEquals(9 - 1, snapshot.restore(root, record, store));
        assertTrue(Files.isDirectory(root.resolve("dist/empty")));
        assertEquals(Path.of("app.js"), Files.readSymbolicLink(root.resolve("dist/current")));
        assertEquals("lib", Files.readString(root.resolve("dist/lib/ü b.js")));
        assertTrue(Files.isExecutable(root.resolve("dist/bin/run")));
        assertFalse(Files.exists(root.resolve("dist/.git")));
        assertTrue(snapshot.intact(root, record, new FileDigests()));
    }

    @Test
    void restoreReplacesSomethingOfTheWrongKind() throws IOException {
        ActionRecord record = run(List.of("dist"));
        Files.delete(root.resolve("dist/app.js"));
        write("dist/app.js/inner.txt", "a directory where a file was");
        OutputSnapshot.deleteRecursively(root.resolve("dist/empty"));
        write("dist/empty", "a file where a directory was");
        Files.delete(root.resolve("dist/current"));
        Files.writeString(root.resolve("dist/current"), "a file where a link was");

        snapshot.restore(root, record, store);
        assertTrue(snapshot.intact(root, record, new FileDigests()));
        assertTrue(Files.isSymbolicLink(root.resolve("dist/current")));
    }

    @Test
    void directorySymlinkTargetIsRecordedAsALinkNotFollowed(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("secret"), "x");
        Files.createSymbolicLink(root.resolve("linked"), elsewhere);
        List<OutputEntry> outputs = snapshot.capture(root, List.of("linked"), store);
        assertEquals(List.of(OutputEntry.symlink("linked", elsewhere.toString())), outputs);
    }

    private void agePastRacyWindow() throws IOException {
        try (var files = Files.walk(root.resolve("dist"))) {
            for (Path p : files.toList()) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setLastModifiedTime(p, OLD);
                }
            }
        }
        Files.setLastModifiedTime(root.resolve("report.txt"), OLD);
    }

    private FileTime mtime(String rel) throws IOException {
        return Files.getLastModifiedTime(root.resolve(rel), LinkOption.NOFOLLOW_LINKS);
    }

    private void write(String rel, String content) throws IOException {
        Path file = root.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
