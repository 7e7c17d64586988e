package dev.same.protocol;

/** Constants of the wire contract. See PROTOCOL.md beside this module for the full description. */
public final class Protocol {
    /** Bumped on any incompatible change; client and daemon compare it in {@code initialize}. */
    public static final int VERSION = 1;

    private Protocol() {
    }
}
