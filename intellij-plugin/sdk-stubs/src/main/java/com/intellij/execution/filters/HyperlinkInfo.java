// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/lang-api/src/com/intellij/execution/filters/HyperlinkInfo.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution.filters;

public interface HyperlinkInfo {
    void navigate(com.intellij.openapi.project.Project project);
}
