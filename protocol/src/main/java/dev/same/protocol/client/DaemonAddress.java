package dev.same.protocol.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
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
    private static final int OWNER_ONLY_MODE = 0700;

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
     * mode on our own directory is corrected). Throws {@link UnsafeSocketException} naming the problem otherwise.
     */
    public static void ensurePrivateDirectory(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process created it: check it below like any existing directory
            }
        }
        refuseUnlessOwnDirectory(dir, Owned.read(dir));
        if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
    }

    /**
     * Checks, without changing anything, that a client may talk to {@code socket}: its directory is a real
     * directory of ours with mode 0700, and the socket file is ours and no symlink. Whoever controls that
     * directory could serve a fake daemon there, which would get the caller's environment and forge its output.
     * Nothing is refused when the directory or the socket does not exist: connecting fails anyway.
     *
     * @throws UnsafeSocketException saying what is wrong and how to fix it
     */
    public static void checkSocket(Path socket) throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        Optional<Owned> directory = Owned.readIfExists(dir);
        if (directory.isEmpty()) {
            return;
        }
        refuseUnlessOwnDirectory(dir, directory.get());
        if (directory.get().permissions() != OWNER_ONLY_MODE) {
            throw new UnsafeSocketException(dir, "its mode is %04o, not 0700; run 'chmod 700 %s' or"
                    .formatted(directory.get().permissions(), dir));
        }
        Optional<Owned> file = Owned.readIfExists(socket);
        if (file.isPresent() && file.get().symbolicLink()) {
            throw new UnsafeSocketException(socket, "it is a symbolic link, not a socket; remove it or");
        }
        if (file.isPresent() && file.get().uid() != currentUid()) {
            throw new UnsafeSocketException(socket, foreign(file.get()) + "; remove it or");
        }
    }

    /** Whether {@code dir} is a private directory as {@link #ensurePrivateDirectory} leaves it; changes nothing. */
    public static boolean isPrivateDirectory(Path dir) {
        try {
            Owned owned = Owned.read(dir);
            refuseUnlessOwnDirectory(dir, owned);
            return owned.permissions() == OWNER_ONLY_MODE;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** A socket or socket directory that another user could control; the message says what to do. */
    public static final class UnsafeSocketException extends IOException {
        UnsafeSocketException(Path path, String problemAndFix) {
            super("refusing to use " + path + ": " + problemAndFix
                    + " set XDG_RUNTIME_DIR to a private directory");
        }
    }

    private static void refuseUnlessOwnDirectory(Path dir, Owned owned) throws UnsafeSocketException {
        if (owned.symbolicLink()) {
            throw new UnsafeSocketException(dir, "it is a symbolic link, not a directory; remove it or");
        }
        if (!owned.directory()) {
            throw new UnsafeSocketException(dir, "it is not a directory; remove it or");
        }
        if (owned.uid() != currentUid()) {
            throw new UnsafeSocketException(dir, foreign(owned) + "; remove it or");
        }
    }

    private static String foreign(Owned owned) {
        return "owned by uid " + owned.uid() + ", not you (uid " + currentUid() + ")";
    }

    /** What the checks need of a file, read without following a symlink. */
    private record Owned(int uid, int permissions, boolean directory, boolean symbolicLink) {
        static Owned read(Path path) throws IOException {
            Map<String, Object> attributes = Files.readAttributes(path, "unix:uid,mode,isDirectory,isSymbolicLink",
                    LinkOption.NOFOLLOW_LINKS);
            return new Owned((Integer) attributes.get("uid"), (Integer) attributes.get("mode") & 07777,
                    (Boolean) attributes.get("isDirectory"), (Boolean) attributes.get("isSymbolicLink"));
        }

        static Optional<Owned> readIfExists(Path path) throws IOException {
            try {
                return Optional.of(read(path));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
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
