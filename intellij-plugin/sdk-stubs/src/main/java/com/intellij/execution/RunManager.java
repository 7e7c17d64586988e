// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/execution/src/com/intellij/execution/RunManager.kt (abstract class RunManager, companion @JvmStatic getInstance), IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution;

public abstract class RunManager {
    public static RunManager getInstance(com.intellij.openapi.project.Project project) {
        throw new UnsupportedOperationException("stub");
    }

    public abstract RunnerAndConfigurationSettings createConfiguration(String name,
                                                                       com.intellij.execution.configurations.ConfigurationFactory factory);

    public abstract void setTemporaryConfiguration(RunnerAndConfigurationSettings tempConfiguration);
}
