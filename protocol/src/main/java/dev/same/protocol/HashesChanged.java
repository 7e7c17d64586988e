package dev.same.protocol;

import java.util.List;

/**
 * Pushed as {@code workspace/hashesChanged}: tasks whose hash or state changed, with the reasons.
 *
 * @param changedFiles the files the change was about, relative to the workspace's root (the directory of
 *                     {@code same.work.yaml}, or of a standalone {@code same.yaml} even when its {@code root:} runs
 *                     the tasks elsewhere)
 */
public record HashesChanged(long epoch, List<TaskStatusInfo> tasks, List<String> changedFiles) {
}
