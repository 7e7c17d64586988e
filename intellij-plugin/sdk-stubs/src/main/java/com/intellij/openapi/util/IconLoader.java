// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/util/ui/src/com/intellij/openapi/util/IconLoader.kt (object IconLoader, @JvmStatic), IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.util;

public final class IconLoader {
    private IconLoader() {
    }

    public static javax.swing.Icon getIcon(String path, Class<?> aClass) {
        throw new UnsupportedOperationException("stub");
    }
}
