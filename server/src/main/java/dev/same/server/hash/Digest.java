package dev.same.server.hash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers; every digest is a 64-character lower-case hex string. */
public final class Digest {
    public static final int HEX_LENGTH = 64;
    static final int BUFFER_SIZE = 64 * 1024;

    private static final HexFormat HEX = HexFormat.of();
    // one buffer per thread: workers hashing many files reuse it instead of allocating per file
    private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocate(BUFFER_SIZE));

    private static final MessageDigest SHA_256 = newSha256();

    private Digest() {
    }

    /**
     * A new SHA-256 digest, cloned from one never used: a clone costs a third of {@link MessageDigest#getInstance}'s
     * provider look-up in a cold JVM, and a command asks for thousands (every file hashed, every task).
     */
    public static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }

    public static byte[] unhex(String digest) {
        return HEX.parseHex(digest);
    }

    public static boolean isValid(String digest) {
        if (digest == null || digest.length() != HEX_LENGTH) {
            return false;
        }
        for (int i = 0; i < HEX_LENGTH; i++) {
            char c = digest.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    public static String of(byte[] bytes) {
        return hex(sha256().digest(bytes));
    }

    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Digest of a file's content; a symlink is followed. */
    public static String ofFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            return ofChannel(channel);
        }
    }

    /** The digest of what the channel holds from its position to its end, where it is left. */
    public static String ofChannel(FileChannel channel) throws IOException {
        MessageDigest md = sha256();
        ByteBuffer buffer = BUFFER.get();
        buffer.clear();
        while (channel.read(buffer) >= 0) {
            buffer.flip();
            md.update(buffer);
            buffer.clear();
        }
        return hex(md.digest());
    }

    public static String ofStream(InputStream in) throws IOException {
        MessageDigest md = sha256();
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            md.update(buffer, 0, n);
        }
        return hex(md.digest());
    }
}
