package dev.same.server.service;

import dev.same.protocol.DaemonStatus;

/** What only a daemon can answer: its status, and a request to stop. Absent in process. */
public interface DaemonControl {
    DaemonStatus status();

    void requestStop();

    /** Called on every request, for the idle timer. */
    void touched();
}
