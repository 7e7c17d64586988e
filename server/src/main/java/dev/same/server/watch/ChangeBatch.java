package dev.same.server.watch;

import java.util.Set;

/**
 * Changes seen by the watcher in one debounce window.
 *
 * @param paths  changed paths relative to the root ('/'-separated), created, modified or deleted
 * @param rescan events may have been lost (overflow, watcher error): everything must be re-examined
 */
public record ChangeBatch(Set<String> paths, boolean rescan) {
}
