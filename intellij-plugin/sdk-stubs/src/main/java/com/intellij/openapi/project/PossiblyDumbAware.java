// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/core-api/src/com/intellij/openapi/project/PossiblyDumbAware.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.project;

public interface PossiblyDumbAware {
    default boolean isDumbAware() {
        return this instanceof DumbAware;
    }
}
