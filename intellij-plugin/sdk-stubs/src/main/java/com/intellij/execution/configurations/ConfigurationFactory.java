// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/execution/src/com/intellij/execution/configurations/ConfigurationFactory.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution.configurations;

public abstract class ConfigurationFactory {
    protected ConfigurationFactory(ConfigurationType type) {
    }

    public abstract RunConfiguration createTemplateConfiguration(com.intellij.openapi.project.Project project);

    public String getId() {
        throw new UnsupportedOperationException("stub");
    }
}
