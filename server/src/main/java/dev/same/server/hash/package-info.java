/**
 * Input hashing: patterns to files (globs, exclusions, symbolic links), file digests remembered by their stat, the
 * directory walk (direct system calls in the daemon), and the hash of a task.
 */
package dev.same.server.hash;
