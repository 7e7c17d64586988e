package dev.same.protocol;

import java.util.List;

/** Pushed as {@code workspace/hashesChanged}: tasks whose hash or state changed, with the reasons. */
public record HashesChanged(long epoch, List<TaskStatusInfo> tasks, List<String> changedFiles) {
}
