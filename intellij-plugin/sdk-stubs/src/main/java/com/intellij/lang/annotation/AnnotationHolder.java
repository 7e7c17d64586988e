// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/analysis-api/src/com/intellij/lang/annotation/AnnotationHolder.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.lang.annotation;

public interface AnnotationHolder {
    default AnnotationBuilder newAnnotation(HighlightSeverity severity, String message) {
        throw new UnsupportedOperationException("stub");
    }
}
