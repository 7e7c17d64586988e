// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community json/src/com/jetbrains/jsonSchema/extension/JsonSchemaProviderFactory.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.jetbrains.jsonSchema.extension;

public interface JsonSchemaProviderFactory extends com.intellij.openapi.project.PossiblyDumbAware {
    java.util.List<JsonSchemaFileProvider> getProviders(com.intellij.openapi.project.Project project);

    static com.intellij.openapi.vfs.VirtualFile getResourceFile(Class<?> baseClass, String resourcePath) {
        throw new UnsupportedOperationException("stub");
    }
}
