/**
 * The shared client side, for every Java client (the CLI, the language server, the IntelliJ plugin): finding a
 * workspace's root, its daemon's socket and whether that socket is safe to use, the daemon's discovery file and
 * lock, build identity, the {@code SAME_*} settings, and a small JSON-RPC client without lsp4j or data binding, light
 * enough for a command that lives a tenth of a second.
 */
package dev.same.protocol.client;
