package dev.same.intellij.core.connection;

/** A request while there is no link to the daemon; the message says why (the connection's state). */
public final class NotConnectedException extends IllegalStateException {
    public NotConnectedException(ConnectionState state) {
        super("not connected to the same daemon: " + state.trouble());
    }
}
