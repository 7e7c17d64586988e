package dev.same.server.exec;

import dev.same.server.env.ToolEnvironment;
import dev.same.server.hash.InputFile;
import java.util.List;
import java.util.SortedMap;

/**
 * Everything a task's hash was computed from, kept so that a change can be explained.
 *
 * @param hash          null when it cannot be computed ({@code problem} says why)
 * @param environment   the task's variables, plus {@value #TOOLS_KEY} → hash of its tool environment and, unless the
 *                      task is portable, {@value #PLATFORM_KEY} → the platform its hash is for
 * @param tools         the resolved tool environment; null when unknown
 * @param followsLinks  some input is reached through a symbolic link, so a change to it may be reported under
 *                      a path outside the task's inputs
 */
public record TaskFingerprint(String id, String hash, List<InputFile> inputs,
                              SortedMap<String, String> dependencyHashes, SortedMap<String, String> environment,
                              ToolEnvironment tools, String problem, boolean followsLinks) {
    /** The key under which the tool environment's hash is kept beside the task's variables. */
    public static final String TOOLS_KEY = "@tools";
    /** The key under which the platform (OS and CPU) of a task that is not portable is kept. */
    public static final String PLATFORM_KEY = "@platform";

    public static TaskFingerprint unknown(String id, String problem) {
        return new TaskFingerprint(id, null, List.of(), new java.util.TreeMap<>(), new java.util.TreeMap<>(),
                null, problem, false);
    }

    public boolean known() {
        return hash != null;
    }
}
