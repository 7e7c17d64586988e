// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/lang-api/src/com/intellij/execution/actions/RunConfigurationProducer.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution.actions;

public abstract class RunConfigurationProducer<T extends com.intellij.execution.configurations.RunConfiguration>
        implements com.intellij.openapi.project.PossiblyDumbAware {
    /** The platform's "do not use directly" constructor, the one {@link LazyRunConfigurationProducer} calls. */
    public RunConfigurationProducer(boolean internalUsageOnly) {
    }

    public com.intellij.execution.configurations.ConfigurationFactory getConfigurationFactory() {
        throw new UnsupportedOperationException("stub");
    }

    protected abstract boolean setupConfigurationFromContext(T configuration, ConfigurationContext context,
                                                             com.intellij.openapi.util.Ref<com.intellij.psi.PsiElement> sourceElement);

    public abstract boolean isConfigurationFromContext(T configuration, ConfigurationContext context);
}
