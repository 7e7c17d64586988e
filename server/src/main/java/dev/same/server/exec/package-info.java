/**
 * Running tasks: a run's plan and scheduler (dependencies first, in parallel), task fingerprints, cache hits and
 * restores, task processes with their output, locks shared across runs and processes, and what a killed owner left.
 */
package dev.same.server.exec;
