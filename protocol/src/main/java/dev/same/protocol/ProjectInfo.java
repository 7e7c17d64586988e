package dev.same.protocol;

/** A project: its name ("" for a standalone root) and directory relative to the workspace root. */
public record ProjectInfo(String name, String dir, String file) {
}
