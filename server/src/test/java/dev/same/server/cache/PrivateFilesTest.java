package dev.same.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path root;

    @Test
    void createsDirectoriesAndFilesForTheUserAlone() throws IOException {
        Path dir = PrivateFiles.createDirectories(root.resolve(".same/a/b"));
        try (OutputStream out = PrivateFiles.newOutputStream(dir.resolve("new"))) {
            out.write(1);
        }
        PrivateFiles.write(dir.resolve("written"), new byte[] {1});
        PrivateFiles.createIfMissing(dir.resolve("log"));
        PrivateFiles.open(dir.resolve("lock"), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE).close();

        for (String path : new String[] {".same", ".same/a", ".same/a/b"}) {
            assertEquals("rwx------", mode(root.resolve(path)), path);
        }
        for (String name : new String[] {"new", "written", "log", "lock"}) {
            assertEquals("rw-------", mode(dir.resolve(name)), name);
        }
    }

    @Test
    void tightenTakesGroupAndOtherPermissionsAwayKeepingTheOwnersAndFollowsNoLink(@TempDir Path outside)
            throws IOException {
        Path dotSame = Files.createDirectories(root.resolve(".same/tools/bin"));
        Path tool = Files.writeString(dotSame.resolve("tool"), "#!/bin/sh\n");
        Path foreign = Files.writeString(outside.resolve("file"), "not ours to change");
        Files.createSymbolicLink(dotSame.resolve("link"), foreign);
        setMode(tool, "rwxr-xr-x");
        setMode(foreign, "rw-r--r--");
        for (Path dir : new Path[] {root.resolve(".same"), root.resolve(".same/tools"), dotSame}) {
            setMode(dir, "rwxr-xr-x");
        }

        PrivateFiles.tighten(root.resolve(".same"));

        assertEquals("rwx------", mode(root.resolve(".same")));
        assertEquals("rwx------", mode(dotSame));
        assertEquals("rwx------", mode(tool), "still executable by its owner");
        assertEquals("rw-r--r--", mode(foreign), "the link is not followed");
    }

    private static void setMode(Path path, String mode) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
