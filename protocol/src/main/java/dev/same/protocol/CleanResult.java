package dev.same.protocol;

import java.util.List;

/** What {@code workspace/clean} removed: one line per directory, with its size. */
public record CleanResult(List<String> removed, long bytes) {
}
