package dev.same.cli.command;

import java.util.List;

/**
 * What {@code same run} was asked to do, however its arguments were parsed.
 *
 * @param outputMode {@code --ci} is linear
 * @param parallel   0 for the default (the number of CPUs)
 */
public record RunOptions(List<String> targets, boolean noCache, OutputMode outputMode, boolean json, int parallel,
                  boolean noDaemon) {
    public RunOptions {
        targets = List.copyOf(targets);
    }
}
