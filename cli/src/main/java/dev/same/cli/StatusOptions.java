package dev.same.cli;

import java.util.List;

/** What {@code same status} was asked to show, however its arguments were parsed. */
record StatusOptions(List<String> targets, boolean json, boolean noDaemon) {
    StatusOptions {
        targets = List.copyOf(targets);
    }
}
