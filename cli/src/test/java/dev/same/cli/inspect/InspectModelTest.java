package dev.same.cli.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.cli.inspect.Keys.Key;
import dev.same.cli.render.Renderer;
import dev.same.cli.render.Style;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.TaskStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InspectModelTest {
    private static final Renderer NOTHING = new Renderer() {
        @Override
        public void runEvent(RunEvent event) {
        }

        @Override
        public void runOutput(RunOutput output) {
        }
    };

    /** lib prints 30 numbered lines and succeeds; app prints two and fails. */
    private static RunLog run() {
        RunLog log = new RunLog(NOTHING);
        log.runEvent(RunEvent.planned("r", List.of("lib", "app"), List.of()));
        StringBuilder lines = new StringBuilder();
        IntStream.rangeClosed(1, 30).forEach(i -> lines.append("lib line ").append(i).append('\n'));
        log.runOutput(new RunOutput("r", "lib", 0, lines.toString(), false));
        log.runEvent(RunEvent.taskFinished("r", "lib", TaskStatus.OK, 12, null, false, "h1"));
        log.runOutput(new RunOutput("r", "app", 0, "compiling\nerror: it broke", false));
        log.runEvent(RunEvent.taskFinished("r", "app", TaskStatus.FAILED, 1500, "exit status 1", false, "h2"));
        return log;
    }

    private static String screen(InspectModel model) {
        return String.join("\n", model.render(80, 10));
    }

    @Test
    void opensOnTheFailedTaskWithItsLogBesideTheList() {
        InspectModel model = new InspectModel(run().tasks(), new Style(false));

        List<String> rows = model.render(80, 10);

        assertEquals("BUILD FAILED - Press 'q' to exit", rows.getFirst());
        assertTrue(rows.get(2).startsWith("  ✓ lib [Took 12ms]"), rows.get(2));
        assertTrue(rows.get(3).startsWith("> ✗ app [Failed 1.5s]"), rows.get(3));
        assertTrue(rows.get(2).endsWith("│ compiling"), rows.get(2));
        assertTrue(rows.get(3).endsWith("│ error: it broke"), rows.get(3));
        assertTrue(rows.stream().allMatch(row -> row.length() <= 80), String.join("\n", rows));
    }

    @Test
    void jAndKMoveTheSelectionAndTheLogFollowsItsEnd() {
        InspectModel model = new InspectModel(run().tasks(), new Style(false));

        assertTrue(model.handle(Key.UP));
        String lib = screen(model);

        assertTrue(lib.contains("> ✓ lib"), lib);
        assertTrue(lib.contains("│ lib line 30"), "the end of lib's log: " + lib);
        assertFalse(lib.contains("lib line 22\n"), lib);
        model.handle(Key.DOWN);
        assertTrue(screen(model).contains("> ✗ app"));
    }

    @Test
    void enterFocusesTheLogWhichScrollsAndEscGoesBack() {
        InspectModel model = new InspectModel(run().tasks(), new Style(false));
        model.handle(Key.UP);
        model.handle(Key.ENTER);

        model.handle(Key.HOME);
        String top = screen(model);
        assertTrue(top.startsWith("LOGS: lib [Took 12ms]  lines 1-8 of 30 | Press ESC to return"), top);
        assertTrue(top.contains("│ lib line 1\n"), top);
        model.handle(Key.DOWN);
        assertTrue(screen(model).contains("lines 2-9 of 30"), screen(model));
        model.handle(Key.PAGE_DOWN);
        assertTrue(screen(model).contains("lines 10-17 of 30"), screen(model));
        model.handle(Key.END);
        assertTrue(screen(model).contains("lines 23-30 of 30"), screen(model));

        model.handle(Key.ESC);
        String list = screen(model);
        assertTrue(list.startsWith("BUILD FAILED"), list);
        model.handle(Key.DOWN);
        assertTrue(screen(model).contains("> ✗ app"), "j moves the selection again");
    }

    @Test
    void qQuits() {
        InspectModel model = new InspectModel(run().tasks(), new Style(false));

        assertFalse(model.handle(Key.QUIT));
    }

    @Test
    void keysAreDecodedFromWhatATerminalSends() throws IOException {
        byte[] typed = {'j', 'k', 27, '[', 'A', 27, '[', 'B', 27, '[', '5', '~', 27, '[', '6', '~', '\r', 27, 'q'};
        ByteArrayInputStream in = new ByteArrayInputStream(typed);
        Keys keys = new Keys(in, stream -> stream.available() > 0 && peek(stream) == '[');
        List<Key> decoded = new ArrayList<>();
        for (Key key = keys.next(); key != Key.CLOSED; key = keys.next()) {
            decoded.add(key);
        }

        assertEquals(List.of(Key.DOWN, Key.UP, Key.UP, Key.DOWN, Key.PAGE_UP, Key.PAGE_DOWN, Key.ENTER, Key.ESC,
                Key.QUIT), decoded);
    }

    private static int peek(java.io.InputStream stream) throws IOException {
        stream.mark(1);
        int next = stream.read();
        stream.reset();
        return next;
    }

}
