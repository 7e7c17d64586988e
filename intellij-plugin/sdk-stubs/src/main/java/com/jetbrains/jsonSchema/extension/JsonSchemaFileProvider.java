// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community json/src/com/jetbrains/jsonSchema/extension/JsonSchemaFileProvider.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.jetbrains.jsonSchema.extension;

public interface JsonSchemaFileProvider {
    boolean isAvailable(com.intellij.openapi.vfs.VirtualFile file);

    String getName();

    com.intellij.openapi.vfs.VirtualFile getSchemaFile();

    SchemaType getSchemaType();
}
