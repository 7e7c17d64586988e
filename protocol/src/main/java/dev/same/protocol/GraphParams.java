package dev.same.protocol;

/** {@code workspace/graph}. */
public record GraphParams(String cwd) {
}
