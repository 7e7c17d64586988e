// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/execution/src/com/intellij/execution/configurations/RunConfiguration.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution.configurations;

public interface RunConfiguration extends RunProfile, Cloneable {
    ConfigurationFactory getFactory();

    void setName(String name);

    com.intellij.openapi.options.SettingsEditor<? extends RunConfiguration> getConfigurationEditor();

    com.intellij.openapi.project.Project getProject();

    RunConfiguration clone();

    default void checkConfiguration() throws RuntimeConfigurationException {
    }

    default void readExternal(org.jdom.Element element) {
    }

    default void writeExternal(org.jdom.Element element) {
    }
}
