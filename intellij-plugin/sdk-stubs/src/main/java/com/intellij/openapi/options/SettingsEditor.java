// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/ide-core/src/com/intellij/openapi/options/SettingsEditor.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.options;

public abstract class SettingsEditor<Settings> implements com.intellij.openapi.Disposable {
    public SettingsEditor() {
    }

    protected abstract void resetEditorFrom(Settings s);

    protected abstract void applyEditorTo(Settings s) throws ConfigurationException;

    protected abstract javax.swing.JComponent createEditor();

    @Override
    public final void dispose() {
        throw new UnsupportedOperationException("stub");
    }
}
