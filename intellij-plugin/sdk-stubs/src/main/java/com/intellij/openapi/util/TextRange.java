// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/util/base/src/com/intellij/openapi/util/TextRange.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.util;

public class TextRange {
    public TextRange(int startOffset, int endOffset) {
    }

    public final int getStartOffset() {
        throw new UnsupportedOperationException("stub");
    }
}
