// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/execution/src/com/intellij/execution/ui/ConsoleView.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution.ui;

public interface ConsoleView extends ExecutionConsole {
    void print(String text, ConsoleViewContentType contentType);

    void printHyperlink(String hyperlinkText, com.intellij.execution.filters.HyperlinkInfo info);
}
