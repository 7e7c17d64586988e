// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/util/src/com/intellij/openapi/util/Ref.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.util;

public class Ref<T> {
    public T get() {
        throw new UnsupportedOperationException("stub");
    }

    public void set(T value) {
        throw new UnsupportedOperationException("stub");
    }
}
