/**
 * The {@code same} command line: the commands (picocli, and a light path without it for the warm commands), how a
 * command reaches a server (the workspace's daemon, spawned on first use, or a server in this process) and the
 * launcher's AOT training. A client: it speaks the protocol and uses the shared client side only.
 */
package dev.same.cli;
