package dev.same.server.cache.remote;

import dev.same.server.cache.ActionRecord;

/**
 * A task's result fetched from the remote cache, now in the local one.
 *
 * @param bytes downloaded for it (0 when the local store already held every blob)
 */
public record RemoteHit(ActionRecord record, long bytes) {
}
