// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/core-api/src/com/intellij/openapi/editor/markup/TextAttributes.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.editor.markup;

public class TextAttributes {
    public TextAttributes() {
    }

    public void setForegroundColor(java.awt.Color color) {
        throw new UnsupportedOperationException("stub");
    }

    public void setBackgroundColor(java.awt.Color color) {
        throw new UnsupportedOperationException("stub");
    }

    public void setFontType(int type) {
        throw new UnsupportedOperationException("stub");
    }
}
