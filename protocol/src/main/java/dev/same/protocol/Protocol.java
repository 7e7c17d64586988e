package dev.same.protocol;

/** Constants of the wire contract. See PROTOCOL.md beside this module for the full description. */
public final class Protocol {
    /** Bumped on any incompatible change; client and daemon compare it in {@code initialize}. */
    public static final int VERSION = 1;
    /** The largest frame either side accepts. Output is pushed in chunks far below this. */
    public static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;
    /** The largest header block (all header lines of one frame) either side accepts. */
    public static final int MAX_HEADER_BYTES = 8 * 1024;

    private Protocol() {
    }
}
