package dev.same.cli.inspect;

import dev.same.cli.render.Style;
import dev.same.cli.render.Terminal;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs the inspect view on the controlling terminal ({@code /dev/tty}): raw mode and the alternate screen while it is
 * open, the terminal as it was after. Keys are read from the terminal, not from stdin, so it works whatever stdin is.
 */
public final class InspectSession {
    private static final File TTY = new File("/dev/tty");
    private static final int ESCAPE_WAIT_MILLIS = 40;

    private InspectSession() {
    }

    /** Shows the view until the user quits; does nothing without a terminal. */
    public static void show(Terminal terminal, RunLog log) throws IOException, InterruptedException {
        if (!TTY.canRead()) {
            return;
        }
        String saved = stty("-g").strip();
        PrintStream screen = terminal.err();
        // a SIGTERM while the view is open must not leave the terminal raw and on the alternate screen
        Thread restore = new Thread(() -> restore(screen, saved));
        Runtime.getRuntime().addShutdownHook(restore);
        try (InputStream in = new FileInputStream(TTY)) {
            stty("raw", "-echo");
            screen.print("\u001b[?1049h\u001b[?25l"); // the alternate screen, no cursor
            InspectModel model = new InspectModel(log.tasks(), new Style(terminal.colour()));
            Keys keys = new Keys(in, InspectSession::moreSoon);
            do {
                draw(screen, model);
            } while (model.handle(keys.next()));
        } finally {
            restore(screen, saved);
            try {
                Runtime.getRuntime().removeShutdownHook(restore);
            } catch (IllegalStateException exiting) {
                // the hook runs anyway
            }
        }
    }

    private static void restore(PrintStream screen, String saved) {
        screen.print("\u001b[?25h\u001b[?1049l");
        screen.flush();
        try {
            stty(saved);
        } catch (IOException e) {
            // nothing more to do: the terminal is the user's to reset
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void draw(PrintStream screen, InspectModel model) throws IOException, InterruptedException {
        int[] size = size();
        List<String> rows = model.render(size[1], size[0]);
        StringBuilder frame = new StringBuilder("\u001b[H");
        for (int i = 0; i < rows.size(); i++) {
            frame.append(rows.get(i)).append("\u001b[K");
            if (i < rows.size() - 1) {
                frame.append("\r\n");
            }
        }
        screen.print(frame.append("\u001b[J"));
        screen.flush();
    }

    /** Rows and columns of the terminal, read again for every frame so a resize is followed. */
    private static int[] size() throws IOException, InterruptedException {
        String[] parts = stty("size").strip().split("\\s+");
        try {
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (RuntimeException e) {
            return new int[] {24, 80};
        }
    }

    // an Esc key alone is one byte; an arrow key's sequence follows its Esc at once
    private static boolean moreSoon(InputStream in) throws IOException {
        long deadline = System.nanoTime() + ESCAPE_WAIT_MILLIS * 1_000_000L;
        while (in.available() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return in.available() > 0;
    }

    private static String stty(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("stty"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectInput(TTY).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }
}
