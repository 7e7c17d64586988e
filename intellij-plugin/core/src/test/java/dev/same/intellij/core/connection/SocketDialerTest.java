package dev.same.intellij.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.intellij.core.samefile.WorkspaceRoot;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon that is missing and cannot be started; where the launcher and the workspace are found. */
class SocketDialerTest {
    @TempDir
    Path dir;

    private Map<String, String> environment() {
        return Map.of("XDG_RUNTIME_DIR", dir.toString(), "PATH", "/usr/bin:/bin");
    }

    @Test
    void noDaemonAndNoLauncherIsAFailureThatSaysWhatToDo() {
        SocketDialer dialer = new SocketDialer(dir, environment(), Optional::empty);
        var error = assertThrows(DaemonStartException.class, () -> dialer.dial(new DaemonListener() { }, l -> { }));
        assertTrue(error.getMessage().startsWith("could not find the `same` launcher"), error.getMessage());
    }

    @Test
    void aDaemonListeningWhereTheDiscoveryFileSaysIsFoundWithoutStartingAnother() throws Exception {
        Path other = Files.createDirectory(dir.resolve("o"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path socket = other.resolve("d.sock");
        try (ServerSocketChannel daemon = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            daemon.bind(UnixDomainSocketAddress.of(socket));
            Path state = Files.createDirectories(dir.resolve("ws/.same/daemon"));
            Files.writeString(state.resolve("daemon.json"), "{\"pid\":1,\"socket\":\"" + socket + "\",\"root\":\"x\"}");
            SocketDialer dialer = new SocketDialer(dir.resolve("ws"), environment(), Optional::empty);
            assertEquals(Optional.of(socket), dialer.announcedSocket());
            try (var client = dialer.dial(new DaemonListener() { }, launcher -> {
                throw new AssertionError("no daemon should be started");
            })) {
                assertTrue(daemon.accept().isConnected());
            }
        }
    }

    @Test
    void aLauncherThatFailsIsAFailureNamingIt() throws Exception {
        Path launcher = dir.resolve("same");
        Files.writeString(launcher, "#!/bin/sh\necho '✗ Error: could not find samefile or workfile' >&2\nexit 1\n");
        launcher.toFile().setExecutable(true);
        SocketDialer dialer = new SocketDialer(dir, environment(), () -> Optional.of(launcher));
        var error = assertThrows(DaemonStartException.class, () -> dialer.dial(new DaemonListener() { }, l -> { }));
        assertEquals("could not start the same daemon with " + launcher + ": could not find samefile or workfile",
                error.getMessage());
    }

    @Test
    void theLauncherIsTheConfiguredOneElseOnPathElseAboveTheRoot() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path onPath = bin.resolve("same");
        Files.writeString(onPath, "#!/bin/sh\n");
        Path root = Files.createDirectories(dir.resolve("repo/app"));
        Path script = dir.resolve("repo/same");
        Files.writeString(script, "#!/bin/sh\n");
        assertEquals(Optional.of(Path.of("/opt/same")), Launcher.find(root, " /opt/same ", Map.of()));
        assertEquals(Optional.empty(), Launcher.find(root, null, Map.of("PATH", bin.toString())), "not executable yet");
        script.toFile().setExecutable(true);
        assertEquals(Optional.of(script), Launcher.find(root, null, Map.of("PATH", bin.toString())));
        onPath.toFile().setExecutable(true);
        assertEquals(Optional.of(onPath), Launcher.find(root, "", Map.of("PATH", bin.toString())));
    }

    @Test
    void aProjectWithoutSameHasNoWorkspaceAndTheNearestWorkfileWins() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain/src"));
        assertEquals(Optional.empty(), WorkspaceRoot.find(plain));
        Path app = Files.createDirectories(dir.resolve("mono/packages/app"));
        Files.writeString(app.resolve("same.yaml"), "");
        assertEquals(Optional.of(app.toRealPath()), WorkspaceRoot.find(app));
        Files.writeString(dir.resolve("mono/same.work.yaml"), "");
        assertEquals(Optional.of(dir.resolve("mono").toRealPath()), WorkspaceRoot.find(app));
    }
}
