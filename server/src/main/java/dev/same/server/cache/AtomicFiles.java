package dev.same.server.cache;

import dev.same.protocol.client.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Temp file + rename. Temp names carry the pid and a random number, so concurrent writers never
 * share one; the rename makes the last writer win, and a failed write leaves no temp file behind.
 */
public final class AtomicFiles {
    static final String TEMP_SUFFIX = ".same-tmp";
    private static final long PID = ProcessHandle.current().pid();

    private AtomicFiles() {
    }

    /** A fresh, unused name in the same directory as {@code target} (so a rename is atomic). */
    static Path tempNextTo(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + PID + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
    }

    /** Writes a file under {@code .same/}, private to the user (see {@link PrivateFiles}). */
    public static void write(Path target, byte[] content) throws IOException {
        PrivateFiles.createDirectories(target.getParent());
        Path temp = tempNextTo(target);
        try {
            try (OutputStream out = PrivateFiles.newOutputStream(temp)) {
                out.write(content);
            }
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void moveIntoPlace(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
