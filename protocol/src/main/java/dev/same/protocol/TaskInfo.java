package dev.same.protocol;

import java.util.List;
import java.util.Map;

/** A task as {@code workspace/graph} describes it. Paths are relative to the workspace root. */
public record TaskInfo(
        String id,
        String project,
        String name,
        List<String> cmd,
        List<String> inputs,
        List<String> targets,
        List<String> dependsOn,
        List<String> tools,
        Map<String, String> environment,
        String workingDir,
        String rebuild,
        String file,
        int line) {
}
