package dev.same.server.exec;

import dev.same.protocol.client.CallerEnvironment;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The hermetic environment of a task: HOME, TERM, USER and PATH from the caller, then the tool environment
 * (its PATH in front of the caller's), then the task's own {@code environment}.
 */
public final class TaskEnvironment {
    /** The caller's variables that reach tasks. */

    private TaskEnvironment() {
    }

    public static SortedMap<String, String> build(Map<String, String> caller, Map<String, String> tools,
                                                  Map<String, String> task) {
        SortedMap<String, String> env = new TreeMap<>();
        for (String name : CallerEnvironment.PASSED_THROUGH) {
            String value = caller.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        tools.forEach((name, value) -> {
            if (name.equals("PATH") && env.containsKey("PATH")) {
                env.put("PATH", value + ":" + env.get("PATH"));
            } else {
                env.put(name, value);
            }
        });
        env.putAll(task);
        return env;
    }
}
