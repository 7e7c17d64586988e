package dev.same.protocol;

/** A kind of push a client asks for in {@code initialize}, beyond the events of its own runs. */
public enum Subscription implements WireNamed {
    /** {@code workspace/hashesChanged}. */
    HASHES("hashes"),
    /** {@code workspace/graphInvalidated}. */
    GRAPH("graph"),
    /** {@code daemon/health}. */
    HEALTH("health");

    private final String wireName;

    Subscription(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
