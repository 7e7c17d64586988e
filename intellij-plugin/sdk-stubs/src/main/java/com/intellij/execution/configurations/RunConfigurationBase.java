// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/execution/src/com/intellij/execution/configurations/RunConfigurationBase.java (its supertypes besides RunConfiguration are left out), IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution.configurations;

public abstract class RunConfigurationBase<T> implements RunConfiguration {
    protected RunConfigurationBase(com.intellij.openapi.project.Project project, ConfigurationFactory factory, String name) {
    }

    @Override
    public final ConfigurationFactory getFactory() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public final void setName(String name) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public final com.intellij.openapi.project.Project getProject() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public javax.swing.Icon getIcon() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public final String getName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public RunConfiguration clone() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void readExternal(org.jdom.Element element) throws com.intellij.openapi.util.InvalidDataException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void writeExternal(org.jdom.Element element) {
        throw new UnsupportedOperationException("stub");
    }
}
