/**
 * The daemon's live view of the workspace: every task's state and why, recomputed as the watcher reports changes,
 * published as immutable snapshots that reads never wait for, and pushed to clients as differences.
 */
package dev.same.server.state;
