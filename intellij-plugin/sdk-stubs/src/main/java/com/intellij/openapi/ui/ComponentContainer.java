// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/platform-api/src/com/intellij/openapi/ui/ComponentContainer.java, IntelliJ Platform 2024.2 (242):
// its two abstract members are kept, as anything implementing it must provide them; the platform's signatures.
package com.intellij.openapi.ui;

public interface ComponentContainer extends com.intellij.openapi.Disposable {
    javax.swing.JComponent getComponent();

    javax.swing.JComponent getPreferredFocusableComponent();
}
