package dev.same.cli.command;

import java.util.List;

/**
 * What {@code same run} was asked to do, however its arguments were parsed.
 *
 * @param outputMode as written ({@code --ci} is "linear"); see {@link OutputMode#named}
 * @param parallel       0 for the default (the number of CPUs)
 * @param inspect        keep the inspect view open after the run (on a terminal)
 * @param inspectOnError keep it open after a failed run (on a terminal); the original's default is true
 */
public record RunOptions(List<String> targets, boolean noCache, String outputMode, boolean json, int parallel,
                  boolean noDaemon, boolean inspect, boolean inspectOnError) {
    public RunOptions {
        targets = List.copyOf(targets);
    }
}
