// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/execution/src/com/intellij/execution/ExecutionResult.java, IntelliJ Platform 2024.2 (242):
// all three abstract members (anything implementing it must provide them), with the platform's signatures.
package com.intellij.execution;

public interface ExecutionResult {
    com.intellij.execution.ui.ExecutionConsole getExecutionConsole();

    com.intellij.openapi.actionSystem.AnAction[] getActions();

    com.intellij.execution.process.ProcessHandler getProcessHandler();
}
