// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/core-api/src/com/intellij/psi/PsiDocumentManager.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.psi;

public abstract class PsiDocumentManager {
    public static PsiDocumentManager getInstance(com.intellij.openapi.project.Project project) {
        throw new UnsupportedOperationException("stub");
    }

    public abstract com.intellij.openapi.editor.Document getDocument(PsiFile file);
}
