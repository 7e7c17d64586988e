/**
 * The per-workspace daemon: the socket server and its sessions (peer checks, bounded frames, back-pressure on
 * pushes), its lifecycle (lock, discovery file, idle timeout, signals) and its log.
 */
package dev.same.server.daemon;
