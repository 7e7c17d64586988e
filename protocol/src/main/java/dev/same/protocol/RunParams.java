package dev.same.protocol;

import java.util.List;
import java.util.Map;

/**
 * {@code run/start}.
 *
 * @param runId       chosen by the client, unique among its clients (for example pid-time-count), so it can cancel the run before the answer arrives
 * @param targets     task ids, bare task names, or {@code all}
 * @param cwd         the caller's working directory (bare names resolve against the project it is in)
 * @param environment the caller's environment; HOME, TERM, USER and PATH are passed to tasks
 * @param noCache     run every task even when cached (results are still recorded)
 * @param parallel    how many tasks at once; 0 means one per CPU
 */
public record RunParams(String runId, List<String> targets, String cwd, Map<String, String> environment, boolean noCache,
                        int parallel) {
}
