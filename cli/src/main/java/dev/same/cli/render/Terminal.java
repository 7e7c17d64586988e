package dev.same.cli.render;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The CLI's view of its terminal: buffered streams, colour support, whether it is interactive. */
public record Terminal(PrintStream out, PrintStream err, boolean interactive, boolean colour, int width) {

    public static Terminal system(Map<String, String> env) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 1 << 14),
                false, StandardCharsets.UTF_8);
        boolean interactive = isTerminal(System.getProperty("same.terminal"));
        boolean colour = !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
        return new Terminal(out, err, interactive, colour, width(env));
    }

    /**
     * Whether standard input and output are a terminal: as {@code bin/same} found ({@code -Dsame.terminal=1} or
     * {@code 0}), else as the JDK's Console tells, which costs a JVM about 9 ms at start.
     */
    static boolean isTerminal(String launcherSaid) {
        if (launcherSaid != null) {
            return launcherSaid.equals("1");
        }
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    private static int width(Map<String, String> env) {
        try {
            return Integer.parseInt(env.getOrDefault("COLUMNS", "100"));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** True when CI is set to anything but empty or "false". */
    public static boolean inCi(Map<String, String> env) {
        String ci = env.get("CI");
        return ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }
}
