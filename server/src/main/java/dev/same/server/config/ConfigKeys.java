package dev.same.server.config;

import java.util.List;

/** The keys each kind of config file and a task accept, for tools that help write them (completion, schema). */
public final class ConfigKeys {
    public static final List<String> WORKFILE = Workfile.KEYS;
    public static final List<String> SAMEFILE = ProjectFile.KEYS;
    public static final List<String> TASK = TaskReader.KEYS;

    private ConfigKeys() {
    }
}
