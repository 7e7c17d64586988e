package dev.same.protocol.client;

import java.util.HexFormat;

/**
 * The 64-bit FNV-1a hash, for names that only need to be distinct, never secret: the socket of a workspace,
 * the id of a build. A cryptographic digest would do the same job, but setting one up costs a fresh CLI process
 * a few milliseconds of its warm command.
 */
public final class Fnv1a64 {
    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private long hash = OFFSET_BASIS;

    public Fnv1a64 update(byte[] bytes) {
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= PRIME;
        }
        return this;
    }

    /** The hash so far as 16 lower-case hex digits. */
    public String hex() {
        return HexFormat.of().toHexDigits(hash);
    }
}
