package dev.same.server.env;

import dev.same.server.hash.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Builds the hash that identifies an environment from what determines it. Every part is length-prefixed, so no
 * two different lists of parts give the same bytes.
 */
public final class Identity {
    /** Bump when what goes into an identity changes: every stored environment is then resolved again. */
    static final int FORMAT = 1;

    private final MessageDigest md = Digest.sha256();

    public Identity(String kind) {
        add("same-environment").add(Integer.toString(FORMAT)).add(kind);
    }

    public Identity add(String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        md.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        md.update(bytes);
        return this;
    }

    public Identity addAll(List<String> parts) {
        add(Integer.toString(parts.size()));
        parts.forEach(this::add);
        return this;
    }

    public String hash() {
        return Digest.hex(md.digest());
    }
}
