package dev.same.intellij.core.samefile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.intellij.core.model.ConfigErrors;
import dev.same.intellij.core.model.WorkspaceSnapshot;
import dev.same.protocol.client.RemoteException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarksTest {
    private static final String FILE = """
            project: web
            tasks:
              build:
                cmd: [x]
              "lint":
                cmd: [y]
            """;

    @Test
    void theEnclosingTaskOfALineIsTheNearestKeyAboveIt() {
        var marks = GutterMarks.of("web/same.yaml", FILE, WorkspaceSnapshot.EMPTY);
        assertEquals(List.of("web:build", "web:lint"), marks.stream().map(GutterMark::taskId).toList());
        assertEquals(Optional.empty(), GutterMarks.enclosing(1, marks));
        assertEquals("web:build", GutterMarks.enclosing(3, marks).orElseThrow().taskId());
        assertEquals("web:lint", GutterMarks.enclosing(5, marks).orElseThrow().taskId());
    }

    @Test
    void anIconIsAnchoredWhereTheKeyStartsQuotedOrNot() {
        var marks = GutterMarks.of("web/same.yaml", FILE, WorkspaceSnapshot.EMPTY);
        assertTrue(GutterMarks.anchoredAt(2, 2, marks).isPresent());
        assertTrue(GutterMarks.anchoredAt(2, 7, marks).isEmpty(), "the colon after the key gets none");
        assertTrue(GutterMarks.anchoredAt(4, 2, marks).isPresent(), "the opening quote");
        assertTrue(GutterMarks.anchoredAt(3, 4, marks).isEmpty());
    }

    @Test
    void marksAreComputedOncePerTextVersionAndState() {
        MarksCache cache = new MarksCache();
        int[] reads = {0};
        java.util.function.Supplier<String> text = () -> {
            reads[0]++;
            return FILE;
        };
        var first = cache.marks("web/same.yaml", 1, text, WorkspaceSnapshot.EMPTY);
        assertSame(first, cache.marks("web/same.yaml", 1, text, WorkspaceSnapshot.EMPTY));
        assertEquals(1, reads[0], "the same text and state: nothing read again");
        cache.marks("web/same.yaml", 2, text, WorkspaceSnapshot.EMPTY);
        var newState = new dev.same.intellij.core.model.TaskModel();
        newState.setConfigError(null);
        cache.marks("web/same.yaml", 2, text, newState.snapshot());
        assertEquals(3, reads[0], "an edit or a new state computes them again");
    }

    @Test
    void anErrorLineIsUnderlinedFromItsFirstCharacter() {
        assertArrayEquals(new int[] {4, 11}, ErrorMark.columns("    cmd: [x  "));
        assertArrayEquals(new int[] {0, 2}, ErrorMark.columns("  "));
    }

    @Test
    void configFilesAreNamedRelativeToTheRoot() {
        assertEquals(Optional.of("app/same.yaml"), ConfigFile.relativePath(Path.of("/ws"), Path.of("/ws/app/same.yaml")));
        assertEquals(Optional.of("same.work.yaml"), ConfigFile.relativePath(Path.of("/ws"), Path.of("/ws/same.work.yaml")));
        assertEquals(Optional.empty(), ConfigFile.relativePath(Path.of("/ws"), Path.of("/other/same.yaml")));
        assertEquals(Optional.empty(), ConfigFile.relativePath(Path.of("/ws"), Path.of("/ws/app/other.yaml")));
    }

    @Test
    void aUserErrorIsLocatedByItsContextOrMessage() {
        var located = ConfigErrors.fromUserError(new RemoteException(-32001, "bad", List.of("at app/same.yaml:8")));
        assertEquals("app/same.yaml", located.file());
        assertEquals(8, located.line());
        assertEquals(0, ConfigErrors.fromUserError(new RemoteException(-32001, "missing project name",
                List.of("at lib/same.yaml"))).line());
        var inMessage = ConfigErrors.fromUserError(new RemoteException(-32001,
                "invalid YAML in app/same.yaml at line 5", List.of()));
        assertEquals("app/same.yaml", inMessage.file());
        assertEquals(5, inMessage.line());
    }
}
