// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/execution/src/com/intellij/execution/configurations/ConfigurationTypeUtil.kt (object ConfigurationTypeUtil, @JvmStatic), IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution.configurations;

public final class ConfigurationTypeUtil {
    private ConfigurationTypeUtil() {
    }

    public static <T extends ConfigurationType> T findConfigurationType(Class<T> configurationTypeClass) {
        throw new UnsupportedOperationException("stub");
    }
}
