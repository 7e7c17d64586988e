// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/ide-core/src/com/intellij/ui/content/Content.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.ui.content;

public interface Content {
    void setDisposer(com.intellij.openapi.Disposable disposer);
}
