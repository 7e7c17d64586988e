// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/lang-api/src/com/intellij/execution/actions/LazyRunConfigurationProducer.kt (abstract class; Kotlin's
// implicit public constructor calls RunConfigurationProducer(true)), IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution.actions;

public abstract class LazyRunConfigurationProducer<T extends com.intellij.execution.configurations.RunConfiguration>
        extends RunConfigurationProducer<T> {
    public LazyRunConfigurationProducer() {
        super(true);
    }

    @Override
    public abstract com.intellij.execution.configurations.ConfigurationFactory getConfigurationFactory();
}
