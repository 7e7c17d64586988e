package dev.same.server.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.same.protocol.client.DaemonAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the socket lives: a private directory, checked, and a path short enough for a Unix socket. */
class DaemonAddressTest {
    @TempDir
    Path dir;

    @Test
    void createsThePrivateDirectoryWithMode0700() throws IOException {
        Path socketDir = dir.resolve("runtime").resolve("same");
        DaemonAddress.ensurePrivateDirectory(socketDir);
        assertTrue(Files.isDirectory(socketDir, LinkOption.NOFOLLOW_LINKS));
        assertEquals("rwx------", mode(socketDir));
    }

    @Test
    void acceptsItsOwnDirectoryAgain() throws IOException {
        Path socketDir = dir.resolve("same");
        DaemonAddress.ensurePrivateDirectory(socketDir);
        DaemonAddress.ensurePrivateDirectory(socketDir);
        assertEquals("rwx------", mode(socketDir));
    }

    @Test
    void correctsAWrongModeOnItsOwnDirectory() throws IOException {
        Path socketDir = Files.createDirectory(dir.resolve("same"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(socketDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        DaemonAddress.ensurePrivateDirectory(socketDir);
        assertEquals("rwx------", mode(socketDir));
    }

    @Test
    void refusesASymbolicLink() throws IOException {
        Path target = Files.createDirectory(dir.resolve("elsewhere"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path link = Files.createSymbolicLink(dir.resolve("same"), target);
        IOException error = assertThrows(IOException.class, () -> DaemonAddress.ensurePrivateDirectory(link));
        assertTrue(error.getMessage().contains("symbolic link"), error.getMessage());
        assertTrue(error.getMessage().contains(link.toString()), error.getMessage());
    }

    @Test
    void refusesADanglingSymbolicLinkWithoutCreatingItsTarget() throws IOException {
        Path target = dir.resolve("not-yet");
        Path link = Files.createSymbolicLink(dir.resolve("same"), target);
        assertThrows(IOException.class, () -> DaemonAddress.ensurePrivateDirectory(link));
        assertTrue(Files.notExists(target, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void refusesAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("same"), "not a directory");
        IOException error = assertThrows(IOException.class, () -> DaemonAddress.ensurePrivateDirectory(file));
        assertTrue(error.getMessage().contains("not a directory"), error.getMessage());
    }

    @Test
    void refusesADirectoryOfAnotherUser() throws IOException {
        assumeTrue(DaemonAddress.currentUid() == 0, "only root can give a directory away");
        Path socketDir = Files.createDirectory(dir.resolve("same"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setAttribute(socketDir, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        IOException error = assertThrows(IOException.class, () -> DaemonAddress.ensurePrivateDirectory(socketDir));
        assertEquals("refusing to use " + socketDir + ": owned by uid 65534, not you (uid 0); remove it or set "
                + "XDG_RUNTIME_DIR to a private directory", error.getMessage());
        assertEquals("rwx------", mode(socketDir), "a foreign directory is left as it is");
    }

    @Test
    void isPrivateDirectoryOnlyChecks() throws IOException {
        Path socketDir = dir.resolve("same");
        assertFalse(DaemonAddress.isPrivateDirectory(socketDir), "missing");
        assertTrue(Files.notExists(socketDir), "not created");
        DaemonAddress.ensurePrivateDirectory(socketDir);
        assertTrue(DaemonAddress.isPrivateDirectory(socketDir));
        Files.setPosixFilePermissions(socketDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertFalse(DaemonAddress.isPrivateDirectory(socketDir), "readable by others");
        assertEquals("rwxr-xr-x", mode(socketDir), "not corrected");
        Files.setPosixFilePermissions(socketDir, PosixFilePermissions.fromString("rwx------"));
        assertFalse(DaemonAddress.isPrivateDirectory(Files.createSymbolicLink(dir.resolve("link"), socketDir)));
    }

    @Test
    void checkSocketAcceptsOurSocketInOurPrivateDirectoryAndWhatIsNotThereYet() throws IOException {
        Path socketDir = dir.resolve("same");
        DaemonAddress.checkSocket(socketDir.resolve("a.sock"));
        DaemonAddress.ensurePrivateDirectory(socketDir);
        DaemonAddress.checkSocket(socketDir.resolve("a.sock"));
        DaemonAddress.checkSocket(Files.createFile(socketDir.resolve("a.sock")));
    }

    @Test
    void checkSocketRefusesADirectoryOfAnotherUserWithoutChangingIt() throws IOException {
        assumeTrue(DaemonAddress.currentUid() == 0, "only root can give a directory away");
        Path socketDir = Files.createDirectory(dir.resolve("same"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = Files.createFile(socketDir.resolve("a.sock"));
        Files.setAttribute(socketDir, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        IOException error = assertThrows(DaemonAddress.UnsafeSocketException.class,
                () -> DaemonAddress.checkSocket(socket));
        assertEquals("refusing to use " + socketDir + ": owned by uid 65534, not you (uid 0); remove it or set "
                + "XDG_RUNTIME_DIR to a private directory", error.getMessage());
        assertEquals(65534, Files.getAttribute(socketDir, "unix:uid"));
    }

    @Test
    void checkSocketRefusesASocketOfAnotherUserInOurDirectory() throws IOException {
        assumeTrue(DaemonAddress.currentUid() == 0, "only root can give a file away");
        Path socketDir = dir.resolve("same");
        DaemonAddress.ensurePrivateDirectory(socketDir);
        Path socket = Files.createFile(socketDir.resolve("a.sock"));
        Files.setAttribute(socket, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        IOException error = assertThrows(DaemonAddress.UnsafeSocketException.class,
                () -> DaemonAddress.checkSocket(socket));
        assertTrue(error.getMessage().startsWith("refusing to use " + socket + ": owned by uid 65534, not you"),
                error.getMessage());
    }

    @Test
    void checkSocketRefusesASymbolicLinkForTheDirectoryOrTheSocket() throws IOException {
        Path elsewhere = dir.resolve("elsewhere");
        DaemonAddress.ensurePrivateDirectory(elsewhere);
        Path linkedDir = Files.createSymbolicLink(dir.resolve("same"), elsewhere);
        IOException error = assertThrows(DaemonAddress.UnsafeSocketException.class,
                () -> DaemonAddress.checkSocket(linkedDir.resolve("a.sock")));
        assertTrue(error.getMessage().contains(linkedDir + ": it is a symbolic link"), error.getMessage());

        Path linkedSocket = Files.createSymbolicLink(elsewhere.resolve("b.sock"), Files.createFile(dir.resolve("x")));
        error = assertThrows(DaemonAddress.UnsafeSocketException.class,
                () -> DaemonAddress.checkSocket(linkedSocket));
        assertTrue(error.getMessage().contains(linkedSocket + ": it is a symbolic link, not a socket"),
                error.getMessage());
    }

    @Test
    void checkSocketRefusesADirectoryOthersMayReadAndSaysHowToFixIt() throws IOException {
        Path socketDir = dir.resolve("same");
        DaemonAddress.ensurePrivateDirectory(socketDir);
        Files.setPosixFilePermissions(socketDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        IOException error = assertThrows(DaemonAddress.UnsafeSocketException.class,
                () -> DaemonAddress.checkSocket(socketDir.resolve("a.sock")));
        assertTrue(error.getMessage().contains("its mode is 0777, not 0700; run 'chmod 700 " + socketDir + "'"),
                error.getMessage());
        assertEquals("rwxrwxrwx", mode(socketDir), "only checked");
    }

    @Test
    void checkLengthAcceptsUpTo107BytesAndRefusesMore() throws IOException {
        DaemonAddress.checkLength(Path.of("/" + "a".repeat(106)));
        IOException error = assertThrows(IOException.class,
                () -> DaemonAddress.checkLength(Path.of("/" + "a".repeat(107))));
        assertTrue(error.getMessage().contains("108 bytes"), error.getMessage());
        assertTrue(error.getMessage().contains("XDG_RUNTIME_DIR"), "says what to do: " + error.getMessage());
    }

    @Test
    void checkLengthCountsBytesNotCharacters() {
        // 60 two-byte characters: 61 characters, 121 bytes
        assertThrows(IOException.class, () -> DaemonAddress.checkLength(Path.of("/" + "é".repeat(60))));
    }

    @Test
    void socketLivesInXdgRuntimeDirWhenItExists() throws IOException {
        Path socket = DaemonAddress.socketPath(Path.of("/work/some/root"), Map.of("XDG_RUNTIME_DIR", dir.toString()));
        assertEquals(dir.resolve("same"), socket.getParent());
        assertTrue(socket.getFileName().toString().matches("[0-9a-f]{16}\\.sock"), socket.toString());
        DaemonAddress.checkLength(socket);
    }

    @Test
    void fallsBackToTmpWhenXdgRuntimeDirIsMissingOrUnset() {
        Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "same-" + DaemonAddress.currentUid());
        assertEquals(fallback, DaemonAddress.socketDirectory(Map.of()));
        assertEquals(fallback, DaemonAddress.socketDirectory(Map.of("XDG_RUNTIME_DIR", "")));
        assertEquals(fallback, DaemonAddress.socketDirectory(
                Map.of("XDG_RUNTIME_DIR", dir.resolve("missing").toString())));
    }

    @Test
    void eachRootHasItsOwnSocketAndTheSameRootAlwaysTheSame() {
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", dir.toString());
        Path a = DaemonAddress.socketPath(Path.of("/work/a"), env);
        assertEquals(a, DaemonAddress.socketPath(Path.of("/work/a"), env));
        assertNotEquals(a, DaemonAddress.socketPath(Path.of("/work/b"), env));
    }

    @Test
    void stateLivesInTheWorkspace() {
        assertEquals(Path.of("/work/a/.same/daemon"), DaemonAddress.stateDirectory(Path.of("/work/a")));
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
