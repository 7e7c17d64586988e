package dev.same.server.daemon;

import dev.same.server.cache.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The lock file held for the daemon's whole life: whoever holds it is the workspace's daemon. The kernel
 * releases it when the process dies, however it dies, so a crashed daemon never blocks the next one.
 */
public final class DaemonLock implements AutoCloseable {
    public static final String NAME = "lock";
    private final FileChannel channel;
    private final FileLock lock;

    private DaemonLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or returns empty when another live process holds it. */
    public static Optional<DaemonLock> tryAcquire(Path stateDirectory) throws IOException {
        FileChannel channel = PrivateFiles.open(stateDirectory.resolve(NAME), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new DaemonLock(channel, lock));
        } catch (OverlappingFileLockException heldInThisJvm) {
            channel.close();
            return Optional.empty();
        }
    }

    /** Whether a live daemon holds the lock (checked by taking and releasing it at once). */
    public static boolean isHeld(Path stateDirectory) {
        try {
            Optional<DaemonLock> lock = tryAcquire(stateDirectory);
            lock.ifPresent(DaemonLock::close);
            return lock.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the process is ending; the kernel releases it anyway
        }
    }
}
