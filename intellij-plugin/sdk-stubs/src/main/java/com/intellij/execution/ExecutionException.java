// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/platform-util-io/src/com/intellij/execution/ExecutionException.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution;

public class ExecutionException extends Exception {
    public ExecutionException(String s) {
        super(s);
    }
}
