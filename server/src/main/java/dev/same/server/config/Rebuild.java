package dev.same.server.config;

import java.util.Arrays;
import java.util.Optional;

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

    /** The strategy spelled {@code yamlName} in a config file ("on-change", "always"), if any. */
    public static Optional<Rebuild> fromYamlName(String yamlName) {
        return Arrays.stream(values()).filter(r -> r.yamlName.equals(yamlName)).findFirst();
    }
}
