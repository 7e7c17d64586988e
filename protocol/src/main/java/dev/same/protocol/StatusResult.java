package dev.same.protocol;

import java.util.List;

/**
 * The answer to {@code workspace/status}.
 *
 * @param epoch       the workspace state this answer reflects; grows with every change the daemon sees
 * @param tasks       in execution order
 * @param configError when the current configuration is invalid, its error; the tasks are then those of the
 *                    last valid configuration
 */
public record StatusResult(long epoch, List<TaskStatusInfo> tasks, @Nullable ConfigError configError) {
}
