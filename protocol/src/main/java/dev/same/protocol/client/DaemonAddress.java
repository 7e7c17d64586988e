package dev.same.protocol.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Where the daemon of a workspace listens: a short socket path in a private directory
 * ({@code $XDG_RUNTIME_DIR/same/} or {@code /tmp/same-<uid>/}, mode 0700, ours, not a symlink), named by a
 * hash of the workspace's real path. Clients and the daemon compute it the same way.
 */
public final class DaemonAddress {
    /** Linux's sun_path holds 108 bytes including the terminating NUL. */
    public static final int MAX_SOCKET_PATH_BYTES = 107;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DaemonAddress() {
    }

    /** The socket of the daemon for {@code root} (a real path); the directory is not created. */
    public static Path socketPath(Path root, Map<String, String> environment) {
        return socketDirectory(environment).resolve(hash(root.toString()) + ".sock");
    }

    /** {@code .same/daemon/} of the workspace: lock, discovery file, log. */
    public static Path stateDirectory(Path root) {
        return root.resolve(".same").resolve("daemon");
    }

    public static Path socketDirectory(Map<String, String> environment) {
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isEmpty() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "same");
        }
        return Path.of(System.getProperty("java.io.tmpdir", "/tmp"), "same-" + currentUid());
    }

    /**
     * Creates the private directory if needed and checks it: not a symlink, owned by us, mode 0700 (a wrong
     * mode on our own directory is corrected). Throws with a message naming the problem otherwise.
     */
    public static void ensurePrivateDirectory(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new IOException("refusing socket directory " + dir + ": it is a symbolic link");
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process created it: check it below like any existing directory
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("refusing socket directory " + dir + ": it is not a directory");
        }
        int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != currentUid()) {
            throw new IOException("refusing socket directory " + dir + ": it belongs to uid " + owner
                    + ", not to this user (uid " + currentUid() + ")");
        }
        if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
    }

    /** Whether {@code dir} is a private directory as {@link #ensurePrivateDirectory} leaves it; changes nothing. */
    public static boolean isPrivateDirectory(Path dir) {
        try {
            return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                    && (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS) == currentUid()
                    && Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Throws when the path does not fit in a Unix socket address. */
    public static void checkLength(Path socket) throws IOException {
        int length = socket.toString().getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_SOCKET_PATH_BYTES) {
            throw new IOException("socket path " + socket + " is " + length + " bytes long, more than the "
                    + MAX_SOCKET_PATH_BYTES + " a Unix socket allows; set XDG_RUNTIME_DIR to a shorter directory");
        }
    }

    public static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot determine the current user id", e);
        }
    }

    static String hash(String text) {
        return new Fnv1a64().update(text.getBytes(StandardCharsets.UTF_8)).hex();
    }
}
