package dev.same.intellij.core.run;

import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunResult;

/** Follows one run: its pushes in order, then exactly one of {@link #finished} or {@link #failed}. */
public interface RunListener {
    void event(RunEvent event);

    void output(RunOutput output);

    void finished(RunResult result);

    /** The run could not start or its answer never came (a user error, the daemon gone). */
    void failed(String message, java.util.List<String> context);
}
