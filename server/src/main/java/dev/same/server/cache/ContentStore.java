package dev.same.server.cache;

import dev.same.protocol.client.PrivateFiles;
import dev.same.server.hash.Digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Set;

/**
 * Content-addressed blobs: {@code <dir>/<first 2 hex>/<64 hex>}, named by their SHA-256.
 * A blob appears only complete (written to a temp file, then renamed into place).
 */
public final class ContentStore {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final Path dir;

    public ContentStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Stores a file's content (a symlink is followed), digesting while copying; returns its digest. */
    public String put(Path file) throws IOException {
        PrivateFiles.createDirectories(dir);
        Path temp = AtomicFiles.tempNextTo(dir.resolve("blob"));
        try {
            String digest;
            try (InputStream in = Files.newInputStream(file);
                 OutputStream out = PrivateFiles.newOutputStream(temp)) {
                digest = copy(in, out);
            }
            moveIntoPlaceUnlessPresent(temp, digest);
            return digest;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public String put(byte[] content) throws IOException {
        String digest = Digest.of(content);
        if (!contains(digest)) {
            PrivateFiles.createDirectories(dir);
            Path temp = AtomicFiles.tempNextTo(dir.resolve("blob"));
            try {
                try (OutputStream out = PrivateFiles.newOutputStream(temp)) {
                    out.write(content);
                }
                moveIntoPlaceUnlessPresent(temp, digest);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return digest;
    }

    /** A fresh temporary path inside the store (its directory created), for content about to be {@link #adopt}ed. */
    public Path newTempFile() throws IOException {
        PrivateFiles.createDirectories(dir);
        return AtomicFiles.tempNextTo(dir.resolve("blob"));
    }

    /**
     * Moves {@code temp} (from {@link #newTempFile}) into the store as blob {@code digest} once its size and SHA-256
     * are checked; otherwise removes it and throws, so content from elsewhere is never used unverified.
     */
    public void adopt(Path temp, String digest, long size) throws IOException {
        try {
            long actualSize = Files.size(temp);
            String actual = Digest.ofFile(temp);
            if (actualSize != size || !actual.equals(digest)) {
                throw new CorruptBlob(digest, size, actual, actualSize);
            }
            Files.setPosixFilePermissions(temp, EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE));
            moveIntoPlaceUnlessPresent(temp, digest);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Content whose size or SHA-256 is not what it was announced as. */
    public static final class CorruptBlob extends IOException {
        CorruptBlob(String digest, long size, String actual, long actualSize) {
            super("blob " + digest + " (" + size + " bytes) arrived as " + actualSize + " bytes hashing to " + actual);
        }
    }

    /** The size of a blob in the store. */
    public long size(String digest) throws IOException {
        return Files.size(blobPath(digest));
    }

    public boolean contains(String digest) {
        return Files.isRegularFile(blobPath(digest));
    }

    /**
     * The blob's content, verified: a blob whose content no longer matches its name is removed and an
     * IOException thrown, so a damaged or tampered blob is never used.
     *
     * @throws java.nio.file.NoSuchFileException when the blob is not in the store
     */
    public byte[] read(String digest) throws IOException {
        Path blob = blobPath(digest);
        byte[] content = Files.readAllBytes(blob);
        verify(digest, Digest.of(content), blob);
        return content;
    }

    /**
     * The blob's content as a stream, verified first: the blob is read through once and checked against its name
     * before the stream is handed out, from its start, so a damaged blob is never used and memory stays bounded
     * whatever its size (a task's log may be gigabytes). A blob whose content no longer matches its name is removed
     * and an IOException thrown. The stream reads the file it verified, even if the blob is removed meanwhile.
     *
     * @throws java.nio.file.NoSuchFileException when the blob is not in the store
     */
    public InputStream openVerified(String digest) throws IOException {
        Path blob = blobPath(digest);
        FileChannel channel = FileChannel.open(blob, StandardOpenOption.READ);
        try {
            verify(digest, Digest.ofChannel(channel), blob);
            channel.position(0);
            return Channels.newInputStream(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Writes a blob to {@code dest} (temp file next to it, then rename; parents created). The copy is
     * verified: a blob whose content no longer matches its name is removed and an IOException thrown.
     */
    public void materialize(String digest, Path dest, boolean executable) throws IOException {
        Path blob = blobPath(digest);
        Files.createDirectories(dest.toAbsolutePath().getParent());
        Path temp = AtomicFiles.tempNextTo(dest);
        try {
            String copied;
            try (InputStream in = Files.newInputStream(blob);
                 OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                copied = copy(in, out);
            }
            verify(digest, copied, blob);
            setExecutable(temp, executable);
            AtomicFiles.moveIntoPlace(temp, dest);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void verify(String digest, String actual, Path blob) throws IOException {
        if (!actual.equals(digest)) {
            Files.deleteIfExists(blob);
            throw new IOException("corrupt cache blob " + digest + " (content hashes to " + actual + "); removed it");
        }
    }

    /** The blob's path; the digest is checked, so it can never name a file outside the store. */
    public Path blobPath(String digest) {
        if (!Digest.isValid(digest)) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + digest);
        }
        return dir.resolve(digest.substring(0, 2)).resolve(digest);
    }

    /** Sets or clears the execute bits, for whoever may read the file. */
    static void setExecutable(Path file, boolean executable) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
        if (isExecutable(permissions) == executable) {
            return;
        }
        toggle(permissions, PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE, executable);
        toggle(permissions, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE, executable);
        toggle(permissions, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE, executable);
        Files.setPosixFilePermissions(file, permissions);
    }

    static boolean isExecutable(Set<PosixFilePermission> permissions) {
        return permissions.contains(PosixFilePermission.OWNER_EXECUTE);
    }

    private static void toggle(Set<PosixFilePermission> permissions, PosixFilePermission read,
                               PosixFilePermission execute, boolean executable) {
        if (executable && permissions.contains(read)) {
            permissions.add(execute);
        } else if (!executable) {
            permissions.remove(execute);
        }
    }

    private void moveIntoPlaceUnlessPresent(Path temp, String digest) throws IOException {
        Path blob = blobPath(digest);
        if (!Files.exists(blob)) {
            PrivateFiles.createDirectories(blob.getParent());
            AtomicFiles.moveIntoPlace(temp, blob);
        }
    }

    private static String copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest md = Digest.sha256();
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            md.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        return Digest.hex(md.digest());
    }
}
