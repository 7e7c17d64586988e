// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/execution-impl/src/com/intellij/execution/lineMarker/RunLineMarkerContributor.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution.lineMarker;

public abstract class RunLineMarkerContributor implements com.intellij.openapi.project.PossiblyDumbAware {
    public static class Info {
        public Info(javax.swing.Icon icon, com.intellij.openapi.actionSystem.AnAction[] actions,
                    java.util.function.Function<? super com.intellij.psi.PsiElement, String> tooltipProvider) {
        }
    }

    public abstract Info getInfo(com.intellij.psi.PsiElement element);
}
