package dev.same.server.env;

import java.util.SortedMap;

/**
 * The resolved environment of a task's tools.
 *
 * @param hash      identifies everything that determined the variables; part of the task hash
 * @param variables set for the task; a PATH here goes in front of the caller's PATH
 */
public record ToolEnvironment(String hash, SortedMap<String, String> variables) {
}
