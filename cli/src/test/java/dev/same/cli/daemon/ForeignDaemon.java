package dev.same.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake daemon served by another real user ({@link #UID}, "nobody") through {@code setpriv}: what an attacker
 * sharing {@code /tmp} would run. {@link #contacts()} tells which clients talked to it.
 */
final class ForeignDaemon implements AutoCloseable {
    static final int UID = 65534;
    private static final String PROBE = "probe from the test";

    private final Process process;
    private final BufferedReader lines;
    private final Path classes;
    private final Path socket;

    private ForeignDaemon(Process process, Path classes, Path socket) {
        this.process = process;
        this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.classes = classes;
        this.socket = socket;
    }

    /** Starts listening on {@code socket} as the other user; returns once it listens. */
    static ForeignDaemon serve(Path socket) throws IOException {
        // the other user cannot read the test's class path (it may lie under /root): give it a copy of the class
        Path classes = Files.createTempDirectory(Path.of("/tmp"), "same-foreign");
        Files.setPosixFilePermissions(classes, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = Files.createDirectories(classes.resolve("dev/same/cli/daemon"));
        try (var in = ForeignListener.class.getResourceAsStream("ForeignListener.class")) {
            Files.copy(in, dir.resolve("ForeignListener.class"));
        }
        try (var paths = Files.walk(classes)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        Process process = new ProcessBuilder("setpriv", "--reuid=" + UID, "--regid=" + UID, "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-cp", classes.toString(), ForeignListener.class.getName(), socket.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ForeignDaemon daemon = new ForeignDaemon(process, classes, socket);
        assertEquals("listening", daemon.lines.readLine(), "the foreign daemon started");
        return daemon;
    }

    /**
     * The first line of every client that connected so far. A probe sent last, through the same queue of
     * pending connections, marks the end, so nothing that connected before this call is missed.
     */
    List<String> contacts() throws IOException {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            probe.write(ByteBuffer.wrap((PROBE + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        List<String> contacts = new ArrayList<>();
        for (String line = lines.readLine(); !("got: " + PROBE).equals(line); line = lines.readLine()) {
            if (line == null) {
                throw new IOException("the foreign daemon ended");
            }
            contacts.add(line);
        }
        return contacts;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
            DaemonWorkspace.deleteTree(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
