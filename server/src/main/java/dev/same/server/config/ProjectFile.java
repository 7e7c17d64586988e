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
    static final List<String> KEYS = List.of("version", "project", "root", "tools", "env", "tasks");

    /**
     * @param standalone a lone {@code same.yaml}, where {@code root} counts and {@code project} does not; in a
     *                   workspace it is the other way round. What does not count is warned about in the original's
     *                   words.
     */
    static ProjectFile read(ConfigFile file, List<String> warnings, boolean standalone) {
        file.checkVersion();
        YamlNode.Mapping content = file.content();
        file.unknownKeys(KEYS).forEach(unknown -> warnings.add(file.unknownKeyWarning(unknown, KEYS)));
        if (!standalone && content.present("root").isPresent()) {
            warnings.add("'root' defined in " + file.name() + " is ignored in workspace mode");
        }
        if (standalone && content.present("project").isPresent()) {
            warnings.add("'project' defined in " + ConfigFileNames.SAMEFILE + " has no effect in standalone mode");
        }
        String name = content.present("project").map(node -> file.string(node, "'project'")).orElse("");
        return new ProjectFile(file, name, content.lineOf("project"), file.tools(), content.get("tasks"));
    }
}
