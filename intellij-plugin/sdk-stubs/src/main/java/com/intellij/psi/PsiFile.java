// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/core-api/src/com/intellij/psi/PsiFile.java (the supertypes between it and PsiElement are left out), IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.psi;

public interface PsiFile extends PsiElement {
    com.intellij.openapi.vfs.VirtualFile getVirtualFile();
}
