/**
 * The wire contract between clients and the server, and nothing else: the JSON-RPC service interfaces (requests to
 * the server, pushes to clients), their message records, method names, error codes and the protocol version.
 * {@code PROTOCOL.md} describes it for clients in any language.
 */
package dev.same.protocol;
