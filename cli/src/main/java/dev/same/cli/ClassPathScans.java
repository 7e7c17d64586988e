package dev.same.cli;

import java.util.Locale;

/**
 * Keeps the JDK from searching every jar on the class path for service providers on a short command's path.
 * Two such searches happen there: the first socket asks {@code SelectorProvider.provider()}, and
 * {@code System.exit} looks up a {@code System.Logger} for its debug line (JDK 21+), whose backend detection
 * asks for a {@code LoggerFinder}. Each search opens all of the distribution's jars and reads their
 * directories, a visible part of a warm command, to find no provider: the distribution ships none.
 */
public final class ClassPathScans {
    private static final String SELECTOR_PROVIDER = "java.nio.channels.spi.SelectorProvider";

    private ClassPathScans() {
    }

    /**
     * Names the JDK's own default selector provider for this platform, so it is created without a search. The
     * JDK would pick the same class; an unknown platform or a property set by the user is left alone.
     */
    static void useDefaultSelectorProvider() {
        String provider = defaultSelectorProvider(System.getProperty("os.name", ""));
        if (provider != null && System.getProperty(SELECTOR_PROVIDER) == null) {
            System.setProperty(SELECTOR_PROVIDER, provider);
        }
    }

    /** The class the JDK's {@code sun.nio.ch.DefaultSelectorProvider} creates on this platform, if known. */
    static String defaultSelectorProvider(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return "sun.nio.ch.EPollSelectorProvider";
        }
        if (os.startsWith("mac")) {
            return "sun.nio.ch.KQueueSelectorProvider";
        }
        return null;
    }

    /**
     * Ends the JVM with {@code status} once the command is done and its output flushed, without
     * {@code System.exit}'s logger look-up. No shutdown hook is left to run by then: a run removes its Ctrl-C hook
     * when it ends. After a Ctrl-C, though, the JVM is already shutting down (the hook cancels the run), and then
     * {@code System.exit} waits for that shutdown, which ends with the signal's status (130).
     */
    public static void exit(int status) {
        System.out.flush();
        System.err.flush();
        if (shuttingDown()) {
            System.exit(status);
        }
        Runtime.getRuntime().halt(status);
    }

    /** True once a signal has started the JVM's shutdown: it takes no new hooks then. */
    public static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }
}
