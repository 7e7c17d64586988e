// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/execution-impl/src/com/intellij/execution/lineMarker/ExecutorAction.kt (a final Kotlin class; getActions is a
// @JvmStatic @JvmOverloads companion function, so a static method here; its supertypes ActionGroup and ActionWithDelegate are left out:
// only the static factory is used), IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution.lineMarker;

public final class ExecutorAction {
    private ExecutorAction() {
    }

    public static com.intellij.openapi.actionSystem.AnAction[] getActions(int order) {
        throw new UnsupportedOperationException("stub");
    }
}
