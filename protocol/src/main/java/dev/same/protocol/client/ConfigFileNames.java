package dev.same.protocol.client;

/** The names of the two config files. */
public final class ConfigFileNames {
    /** A workspace: lists the project directories. */
    public static final String WORKFILE = "same.work.yaml";
    /** One project: its tasks. */
    public static final String SAMEFILE = "same.yaml";

    private ConfigFileNames() {
    }
}
