// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/lang-api/src/com/intellij/execution/actions/ConfigurationContext.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution.actions;

public class ConfigurationContext {
    private ConfigurationContext() {
    }

    public com.intellij.psi.PsiElement getPsiLocation() {
        throw new UnsupportedOperationException("stub");
    }
}
