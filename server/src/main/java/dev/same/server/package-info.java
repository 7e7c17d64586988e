/**
 * The engine and the daemon of one workspace. The engine packages (config, graph, hash, cache, env, exec, watch,
 * state, process) never depend on the daemon, which is an adapter around them; clients enter only through
 * {@code launch}. {@code ArchitectureTest} checks both.
 */
package dev.same.server;
