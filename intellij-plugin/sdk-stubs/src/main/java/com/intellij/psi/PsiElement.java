// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/core-api/src/com/intellij/psi/PsiElement.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.psi;

public interface PsiElement {
    com.intellij.openapi.project.Project getProject();

    PsiElement getFirstChild();

    PsiFile getContainingFile();

    com.intellij.openapi.util.TextRange getTextRange();
}
