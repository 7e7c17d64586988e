// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community json/src/com/jetbrains/jsonSchema/extension/SchemaType.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.jetbrains.jsonSchema.extension;

public enum SchemaType {
    schema, embeddedSchema, userSchema, remoteSchema
}
