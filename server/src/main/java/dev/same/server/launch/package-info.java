/**
 * The one door from a client process into the server: a server in the client's own process, or the daemon run in
 * the foreground.
 */
package dev.same.server.launch;
