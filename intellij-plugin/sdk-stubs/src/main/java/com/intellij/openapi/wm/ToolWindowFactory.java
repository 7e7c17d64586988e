// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/platform-api/src/com/intellij/openapi/wm/ToolWindowFactory.kt (interface ToolWindowFactory; default methods compiled as Java defaults), IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.wm;

public interface ToolWindowFactory extends com.intellij.openapi.project.PossiblyDumbAware {
    void createToolWindowContent(com.intellij.openapi.project.Project project, ToolWindow toolWindow);

    default boolean shouldBeAvailable(com.intellij.openapi.project.Project project) {
        return true;
    }
}
