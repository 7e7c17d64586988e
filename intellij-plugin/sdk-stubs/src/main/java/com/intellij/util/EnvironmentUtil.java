// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/util/src/com/intellij/util/EnvironmentUtil.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.util;

import java.util.Map;

public final class EnvironmentUtil {
    private EnvironmentUtil() {
    }

    public static Map<String, String> getEnvironmentMap() {
        throw new UnsupportedOperationException("stub");
    }
}
