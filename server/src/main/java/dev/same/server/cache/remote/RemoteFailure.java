package dev.same.server.cache.remote;

import java.io.IOException;

/**
 * The remote cache could not be used: unreachable, too slow, refusing, or answering with an error. The message says
 * which request and why, never the credentials.
 */
public final class RemoteFailure extends IOException {
    RemoteFailure(String message) {
        super(message);
    }
}
