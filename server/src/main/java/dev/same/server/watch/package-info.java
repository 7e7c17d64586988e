/**
 * File watching: inotify through directory-watcher, what to skip, debounced batches, rescans after lost events, and
 * polling when watching is not possible.
 */
package dev.same.server.watch;
