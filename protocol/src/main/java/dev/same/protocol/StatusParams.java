package dev.same.protocol;

import java.util.List;

/**
 * {@code workspace/status}.
 *
 * @param targets        tasks to report (as on the command line, with their dependencies); empty for all
 * @param cwd            for resolving bare task names
 * @param includeWrites  read-your-writes: answer only once every file change made before this request has
 *                       been seen (the daemon writes a cookie file and waits for its watcher to see it)
 */
public record StatusParams(List<String> targets, String cwd, boolean includeWrites) {
}
