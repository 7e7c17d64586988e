// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/core-api/src/com/intellij/openapi/editor/Document.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.editor;

public interface Document {
    default String getText() {
        throw new UnsupportedOperationException("stub");
    }

    default String getText(com.intellij.openapi.util.TextRange range) {
        throw new UnsupportedOperationException("stub");
    }

    int getLineCount();

    long getModificationStamp();

    int getLineNumber(int offset);

    int getLineStartOffset(int line);

    int getLineEndOffset(int line);
}
