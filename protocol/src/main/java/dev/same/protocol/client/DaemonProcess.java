package dev.same.protocol.client;

/** How a client starts a workspace's daemon process and reads how it ended. */
public final class DaemonProcess {
    /** The daemon's main class, on the class path of the distribution's {@code lib/}. */
    public static final String MAIN_CLASS = "dev.same.server.daemon.DaemonMain";
    /** The exit status of a daemon that found another one holding the workspace's lock. */
    public static final int EXIT_ALREADY_RUNNING = 3;
    /**
     * How the log line of such a daemon starts (the workspace's root follows): a client that started it detached,
     * not as its child, learns from it what the exit status would say.
     */
    public static final String ALREADY_RUNNING_LOG = "another daemon already serves ";

    private DaemonProcess() {
    }
}
