package dev.same.cli.command;

/** How {@code same run} shows a run: auto picks tui on an interactive terminal outside CI, linear otherwise. */
public enum OutputMode { auto, tui, linear }
