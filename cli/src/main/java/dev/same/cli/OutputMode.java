package dev.same.cli;

/** How {@code same run} shows a run: auto picks tui on an interactive terminal outside CI, linear otherwise. */
enum OutputMode { auto, tui, linear }
