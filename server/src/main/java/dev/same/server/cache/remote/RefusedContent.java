package dev.same.server.cache.remote;

import java.io.IOException;

/**
 * The remote cache answered, but with content that must not be used: a record naming a path outside the task's
 * targets, a blob whose size or SHA-256 is not what the record says. It is reported and the task runs instead.
 */
public final class RefusedContent extends IOException {
    RefusedContent(String message) {
        super(message);
    }
}
