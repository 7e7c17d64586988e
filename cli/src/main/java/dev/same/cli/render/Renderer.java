package dev.same.cli.render;

import dev.same.protocol.RunResult;
import dev.same.protocol.SameClientApi;

/** Shows a run to the user from the events the server pushes. Calls may come from several threads. */
public interface Renderer extends SameClientApi {
    /** The run is over (or failed to start): print whatever closes it. */
    default void finish(RunResult result) {
    }
}
