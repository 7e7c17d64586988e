package dev.same.protocol;

import java.util.List;

/**
 * The answer to {@code workspace/graph}.
 *
 * @param root     absolute path of the workspace root
 * @param order    every task id, dependencies first, independent tasks alphabetical
 * @param warnings configuration warnings
 */
public record GraphResult(String root, boolean standalone, List<ProjectInfo> projects, List<TaskInfo> tasks,
                          List<String> order, List<String> warnings) {
}
