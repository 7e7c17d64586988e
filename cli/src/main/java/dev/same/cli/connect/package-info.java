/**
 * How a command reaches a server: the workspace's daemon (found, checked, spawned on first use, replaced when it
 * is of another build) or, when it cannot be used, a server in this process; either way over the same protocol.
 */
package dev.same.cli.connect;
