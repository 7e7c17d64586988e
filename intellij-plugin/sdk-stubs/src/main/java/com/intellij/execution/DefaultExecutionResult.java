// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/execution/src/com/intellij/execution/DefaultExecutionResult.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution;

public class DefaultExecutionResult implements ExecutionResult {
    public DefaultExecutionResult(com.intellij.execution.ui.ExecutionConsole console,
                                  com.intellij.execution.process.ProcessHandler processHandler) {
    }

    @Override
    public com.intellij.execution.ui.ExecutionConsole getExecutionConsole() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public com.intellij.openapi.actionSystem.AnAction[] getActions() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public com.intellij.execution.process.ProcessHandler getProcessHandler() {
        throw new UnsupportedOperationException("stub");
    }
}
