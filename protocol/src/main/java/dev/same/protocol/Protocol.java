package dev.same.protocol;

/** Constants of the wire contract. See PROTOCOL.md beside this module for the full description. */
public final class Protocol {
    /** Bumped on any incompatible change; client and daemon compare it in {@code initialize}. */
    public static final int VERSION = 1;
    /** The largest frame a client accepts (an answer, a push). Output is pushed in chunks far below this. */
    public static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;
    /**
     * The largest request the daemon reads; a larger one is refused from its {@code Content-Length} header,
     * unread. The largest real request is a {@code run/start} carrying the caller's environment, which Linux
     * caps (with the command line) at a quarter of the stack limit: 2 MiB by default. Twice that leaves room
     * for JSON escaping, and 30 clients sending the most they may keep the daemon's buffers near 120 MiB.
     */
    public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    /** The largest header block (all header lines of one frame) either side accepts. */
    public static final int MAX_HEADER_BYTES = 8 * 1024;

    private Protocol() {
    }
}
