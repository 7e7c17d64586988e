package dev.same.intellij.core.samefile;

/** A task's key in a same.yaml: its 0-based line, and the column range of its name. */
public record TaskLine(int line, String name, int startColumn, int endColumn) {
}
