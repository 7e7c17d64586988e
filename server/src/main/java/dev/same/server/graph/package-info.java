/**
 * The task graph: a deterministic order, dependents and closures, cycles and missing dependencies, overlapping
 * targets, and resolving what a user typed ({@code all}, {@code project:task}, a bare name) to tasks.
 */
package dev.same.server.graph;
