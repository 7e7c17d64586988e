package dev.same.protocol;

/**
 * The JSON-RPC method names of the contract, shared by the lsp4j annotations of {@link SameServerApi} and
 * {@link SameClientApi} and by the light client, which must not load lsp4j to learn them.
 */
public final class Methods {
    public static final String INITIALIZE = "initialize";
    public static final String GRAPH = "workspace/graph";
    public static final String STATUS = "workspace/status";
    public static final String EXPLAIN = "task/explain";
    public static final String ENVIRONMENT = "task/environment";
    public static final String RUN_START = "run/start";
    public static final String RUN_CANCEL = "run/cancel";
    public static final String RUN_ATTACH = "run/attach";
    public static final String CLEAN = "workspace/clean";
    public static final String DAEMON_STATUS = "daemon/status";
    public static final String DAEMON_STOP = "daemon/stop";

    public static final String RUN_EVENT = "run/event";
    public static final String RUN_OUTPUT = "run/output";
    public static final String HASHES_CHANGED = "workspace/hashesChanged";
    public static final String GRAPH_INVALIDATED = "workspace/graphInvalidated";
    public static final String HEALTH = "daemon/health";

    private Methods() {
    }
}
