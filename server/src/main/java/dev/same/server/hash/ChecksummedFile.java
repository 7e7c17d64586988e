package dev.same.server.hash;

import dev.same.protocol.client.PrivateFiles;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A state file of the workspace's processes under {@code .same/} (the digest memory, the parsed configuration):
 * a header naming its format, the payload, and the SHA-256 of both. It is written atomically, so a process killed
 * while writing leaves the previous file; one that is damaged anyway, or of another format, is never trusted.
 */
public final class ChecksummedFile {
    private static final int CHECKSUM_LENGTH = 32;

    private ChecksummedFile() {
    }

    /**
     * The payload of a file that {@link #write} wrote with this header; empty when the file is missing, and also,
     * with the reason told to {@code ignored}, when it is unreadable, of another format or damaged.
     */
    public static Optional<DataInputStream> read(Path file, byte[] header, Consumer<String> ignored) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            ignored.accept(file + " is unreadable (" + e.getMessage() + ")");
            return Optional.empty();
        }
        if (bytes.length < header.length || !Arrays.equals(bytes, 0, header.length, header, 0, header.length)) {
            ignored.accept(file + " was written by another version of same");
            return Optional.empty();
        }
        int payloadEnd = bytes.length - CHECKSUM_LENGTH;
        if (payloadEnd < header.length
                || !Arrays.equals(checksum(bytes, payloadEnd), 0, CHECKSUM_LENGTH, bytes, payloadEnd, bytes.length)) {
            ignored.accept(file + " is damaged (its checksum does not match)");
            return Optional.empty();
        }
        return Optional.of(new DataInputStream(
                new ByteArrayInputStream(bytes, header.length, payloadEnd - header.length)));
    }

    /**
     * Writes {@code header}, {@code payload} and their checksum atomically: into a temporary file of the same
     * directory, private to the user, then renamed over the file.
     */
    public static void write(Path file, byte[] header, byte[] payload) throws IOException {
        MessageDigest md = Digest.sha256();
        md.update(header);
        md.update(payload);
        byte[] checksum = md.digest();
        Path dir = file.toAbsolutePath().getParent();
        PrivateFiles.createDirectories(dir);
        Path temp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (OutputStream out = PrivateFiles.newOutputStream(temp)) {
                out.write(header);
                out.write(payload);
                out.write(checksum);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] checksum(byte[] bytes, int length) {
        MessageDigest md = Digest.sha256();
        md.update(bytes, 0, length);
        return md.digest();
    }
}
