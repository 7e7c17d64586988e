// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/platform-api/src/com/intellij/openapi/wm/StatusBarWidgetFactory.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.wm;

public interface StatusBarWidgetFactory {
    String getId();

    String getDisplayName();

    boolean isAvailable(com.intellij.openapi.project.Project project);

    default StatusBarWidget createWidget(com.intellij.openapi.project.Project project) {
        throw new UnsupportedOperationException("stub");
    }
}
