/**
 * Tool environments: Nix packages resolved through nixhub and evaluated with {@code nix print-dev-env}, environment
 * commands (mise, direnv, a script), and the resolver that caches both by what determines them.
 */
package dev.same.server.env;
