// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/editor-ui-api/src/com/intellij/openapi/actionSystem/AnAction.java (ActionUpdateThreadAware, its other supertype, is left out), IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.actionSystem;

public abstract class AnAction implements com.intellij.openapi.project.PossiblyDumbAware {
}
