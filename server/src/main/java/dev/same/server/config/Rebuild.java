package dev.same.server.config;

/** When a task runs: only when its hash has no cache entry, or every time. */
public enum Rebuild {
    ON_CHANGE("on-change"),
    ALWAYS("always");

    private final String yamlName;

    Rebuild(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
