/**
 * Tool environments: the resolver that gives each task its environment and caches it by what determines it (in
 * memory and in {@code .same/tools/env}), over its two sources, Nix tools ({@code env.nix}) and environment commands
 * ({@code env.command}).
 */
package dev.same.server.env;
