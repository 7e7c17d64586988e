/**
 * JSON-RPC plumbing on lsp4j for the server side and in-process servers: launchers with the project's framing
 * guards (bounded frames, malformed input answered, not fatal) and enum mapping.
 */
package dev.same.protocol.jsonrpc;
