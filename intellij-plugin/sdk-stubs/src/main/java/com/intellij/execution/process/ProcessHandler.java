// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/util/src/com/intellij/execution/process/ProcessHandler.java (its supertype UserDataHolderBase is left out), IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.execution.process;

public abstract class ProcessHandler {
    protected ProcessHandler() {
    }

    public void startNotify() {
        throw new UnsupportedOperationException("stub");
    }

    protected abstract void destroyProcessImpl();

    protected abstract void detachProcessImpl();

    public abstract boolean detachIsDefault();

    protected void notifyProcessDetached() {
        throw new UnsupportedOperationException("stub");
    }

    protected void notifyProcessTerminated(int exitCode) {
        throw new UnsupportedOperationException("stub");
    }

    public abstract java.io.OutputStream getProcessInput();
}
