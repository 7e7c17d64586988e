// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/analysis-api/src/com/intellij/openapi/vfs/LocalFileSystem.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.vfs;

public abstract class LocalFileSystem {
    public static LocalFileSystem getInstance() {
        throw new UnsupportedOperationException("stub");
    }

    public VirtualFile findFileByNioFile(java.nio.file.Path file) {
        throw new UnsupportedOperationException("stub");
    }
}
