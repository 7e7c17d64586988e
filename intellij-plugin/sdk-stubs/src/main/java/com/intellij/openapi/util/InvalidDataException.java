// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/util/src/com/intellij/openapi/util/InvalidDataException.java (unchecked since
// RunConfigurationBase.readExternal declares it where RunConfiguration.readExternal declares nothing), IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.util;

public class InvalidDataException extends RuntimeException {
    public InvalidDataException(String s) {
        super(s);
    }
}
