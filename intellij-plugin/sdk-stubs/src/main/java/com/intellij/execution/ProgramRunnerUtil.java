// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/execution-impl/src/com/intellij/execution/ProgramRunnerUtil.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution;

public final class ProgramRunnerUtil {
    private ProgramRunnerUtil() {
    }

    public static void executeConfiguration(RunnerAndConfigurationSettings configuration, Executor executor) {
        throw new UnsupportedOperationException("stub");
    }
}
