package dev.same.lsp;

import java.util.List;

/** A document's lines, without their line breaks; a line past the end is empty. */
record Lines(List<String> all) {
    static Lines of(String text) {
        return new Lines(List.of(text.split("\r?\n", -1)));
    }

    String get(int line) {
        return line >= 0 && line < all.size() ? all.get(line) : "";
    }
}
