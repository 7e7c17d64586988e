package dev.same.server.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * The files a daemon stands on, known by identity (device and inode), not by name: the workspace root, the lock file
 * it holds and the socket it bound. When the root is renamed or deleted, or {@code .same/} is deleted, the daemon holds
 * nothing valid (a new daemon may already be starting there with a lock of its own), so it must stop; and at its end it
 * removes the socket only if the file at that path is still the one it bound.
 */
final class OwnedFiles {
    private final Path root;
    private final Object rootKey;
    private final Path lock;
    private final Object lockKey;
    private final Path socket;
    private final Object socketKey;

    private OwnedFiles(Path root, Object rootKey, Path lock, Object lockKey, Path socket, Object socketKey) {
        this.root = root;
        this.rootKey = rootKey;
        this.lock = lock;
        this.lockKey = lockKey;
        this.socket = socket;
        this.socketKey = socketKey;
    }

    /** Notes the identity of each, as they are now. */
    static OwnedFiles take(Path root, Path lock, Path socket) throws IOException {
        return new OwnedFiles(root, key(root), lock, key(lock), socket, key(socket));
    }

    /** Why the daemon no longer stands on its files, if it does not. */
    Optional<String> gone() {
        if (!Objects.equals(keyOrNull(root), rootKey)) {
            return Optional.of("the workspace " + root + " was moved or deleted");
        }
        if (!Objects.equals(keyOrNull(lock), lockKey)) {
            return Optional.of("its state directory " + root.relativize(lock.getParent().getParent())
                    + "/ was deleted (or its lock replaced)");
        }
        return Optional.empty();
    }

    /** Removes the socket if the file at its path is still the one this daemon bound. */
    void removeSocket() throws IOException {
        if (socketKey != null && socketKey.equals(keyOrNull(socket))) {
            Files.deleteIfExists(socket);
        }
    }

    private static Object key(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    private static Object keyOrNull(Path path) {
        try {
            return key(path);
        } catch (IOException gone) {
            return null;
        }
    }
}
