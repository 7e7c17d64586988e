package dev.same.protocol;

/** JSON-RPC error codes of same, beyond the standard ones (-32700..-32600). */
public final class ErrorCodes {
    /** The user can fix it: bad config, unknown task, missing input. {@code data} holds context lines. */
    public static final int USER_ERROR = -32001;
    /** The daemon is shutting down and takes no new work. */
    public static final int SHUTTING_DOWN = -32002;
    /** Client and daemon speak different protocol versions. */
    public static final int VERSION_MISMATCH = -32003;
    /** A request other than {@code initialize} came first on a connection to the daemon. */
    public static final int NOT_INITIALIZED = -32004;
    /** A bug or an unexpected I/O failure inside same. */
    public static final int INTERNAL_ERROR = -32603;

    private ErrorCodes() {
    }
}
