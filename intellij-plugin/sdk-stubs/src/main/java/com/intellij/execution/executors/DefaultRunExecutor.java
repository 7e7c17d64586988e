// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/execution/src/com/intellij/execution/executors/DefaultRunExecutor.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution.executors;

public class DefaultRunExecutor extends com.intellij.execution.Executor {
    public static com.intellij.execution.Executor getRunExecutorInstance() {
        throw new UnsupportedOperationException("stub");
    }
}
