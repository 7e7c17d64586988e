package dev.same.intellij.core.samefile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskLinesTest {

    @Test
    void findsTheKeysOneLevelUnderTasksAndTheProject() {
        TaskLines lines = TaskLines.of("""
                version: "1"
                project: "web"   # the name
                tasks:
                  # a comment
                  build:
                    cmd: ["npm", "run", "build"]
                    environment:
                      lint: x
                  'lint':
                    cmd: [eslint]
                other:
                  fake: {}
                """);
        assertEquals("web", lines.project());
        assertEquals(List.of(new TaskLine(4, "build", 2, 7), new TaskLine(8, "lint", 3, 7)), lines.tasks());
    }

    @Test
    void aFileMidEditStillMapsTheReadableKeys() {
        TaskLines lines = TaskLines.of("tasks:\n    a:\n      cmd: [\"x\"\n    b\n    c: {cmd: [y]}\n  broken: :\n");
        assertEquals(List.of("a", "c"), lines.tasks().stream().map(TaskLine::name).toList());
    }

    @Test
    void noTasksNoMarks() {
        assertEquals(List.of(), TaskLines.of("version: \"1\"\nprojects: [\"a\"]\n").tasks());
        assertEquals(List.of(), TaskLines.of("").tasks());
    }
}
