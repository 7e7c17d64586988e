package dev.same.cli.command;

import java.util.List;

/** What {@code same status} was asked to show, however its arguments were parsed. */
public record StatusOptions(List<String> targets, boolean json, boolean noDaemon) {
    public StatusOptions {
        targets = List.copyOf(targets);
    }
}
