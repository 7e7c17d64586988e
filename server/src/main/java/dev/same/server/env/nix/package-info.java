/**
 * Nix tools: a task's {@code package@version} specs resolved to nixpkgs commits through nixhub (cached), one Nix
 * expression per set of tools, evaluated with {@code nix print-dev-env}, and the variables a task gets from it.
 */
package dev.same.server.env.nix;
