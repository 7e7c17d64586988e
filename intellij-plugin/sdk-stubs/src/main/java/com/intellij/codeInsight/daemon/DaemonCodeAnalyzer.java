// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/analysis-api/src/com/intellij/codeInsight/daemon/DaemonCodeAnalyzer.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.codeInsight.daemon;

public abstract class DaemonCodeAnalyzer {
    public static DaemonCodeAnalyzer getInstance(com.intellij.openapi.project.Project project) {
        throw new UnsupportedOperationException("stub");
    }

    public abstract void restart();
}
