// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/lang-api/src/com/intellij/execution/actions/LazyRunConfigurationProducer.kt, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution.actions;

public abstract class LazyRunConfigurationProducer<T extends com.intellij.execution.configurations.RunConfiguration>
        extends RunConfigurationProducer<T> {
    public LazyRunConfigurationProducer() {
        super(null);
    }

    @Override
    public abstract com.intellij.execution.configurations.ConfigurationFactory getConfigurationFactory();
}
