package dev.same.server.config;

import dev.same.protocol.client.ConfigFileNames;
import java.util.List;
import java.util.SortedMap;

/**
 * The content of a {@code same.yaml}, before it is placed in a workspace.
 *
 * @param name     the {@code project} key, "" when absent
 * @param nameLine the line of the {@code project} key (of the file's top level when absent)
 * @param tools    the project's own tools, without the workspace's
 * @param tasks    the {@code tasks} value, null when absent
 */
record ProjectFile(ConfigFile file, String name, int nameLine, SortedMap<String, String> tools, YamlNode tasks) {
    static final List<String> KEYS = List.of("version", "project", "tools", "env", "tasks");

    static ProjectFile read(ConfigFile file, List<String> warnings) {
        file.checkVersion();
        YamlNode.Mapping content = file.content();
        for (YamlNode.Entry unknown : file.unknownKeys(KEYS)) {
            warnings.add(unknown.key().equals("root")
                    ? file.name() + ": 'root' is only meaningful in " + ConfigFileNames.WORKFILE + "; ignored"
                    : file.unknownKeyWarning(unknown, KEYS));
        }
        String name = content.present("project").map(node -> file.string(node, "'project'")).orElse("");
        return new ProjectFile(file, name, content.lineOf("project"), file.tools(), content.get("tasks"));
    }
}
