// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/platform-api/src/com/intellij/openapi/wm/ToolWindowManager.kt (abstract class ToolWindowManager, companion @JvmStatic getInstance), IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.wm;

public abstract class ToolWindowManager {
    public static ToolWindowManager getInstance(com.intellij.openapi.project.Project project) {
        throw new UnsupportedOperationException("stub");
    }

    public abstract ToolWindow getToolWindow(String id);
}
