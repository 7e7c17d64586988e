// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/lang-api/src/com/intellij/execution/filters/OpenFileHyperlinkInfo.java (its supertypes besides HyperlinkInfo are left out), IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution.filters;

public class OpenFileHyperlinkInfo implements HyperlinkInfo {
    public OpenFileHyperlinkInfo(com.intellij.openapi.project.Project project, com.intellij.openapi.vfs.VirtualFile file,
                                 int documentLine, int documentColumn) {
    }

    @Override
    public void navigate(com.intellij.openapi.project.Project project) {
        throw new UnsupportedOperationException("stub");
    }
}
