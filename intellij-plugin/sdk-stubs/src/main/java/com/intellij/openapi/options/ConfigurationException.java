// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/ide-core/src/com/intellij/openapi/options/ConfigurationException.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.options;

public class ConfigurationException extends Exception {
    public ConfigurationException(String message, String title) {
        super(message);
    }
}
