// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/extensions/src/com/intellij/openapi/components/ComponentManager.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.components;

public interface ComponentManager extends com.intellij.openapi.Disposable {
    <T> T getService(Class<T> serviceClass);

    boolean isDisposed();
}
