package dev.same.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessAotTrainingTest {
    @TempDir
    Path temp;

    @Test
    void everyCommandOfTheTrainingSucceedsInProcess() throws Exception {
        assertEquals(Collections.nCopies(InProcessAotTraining.COMMANDS.size(), 0), InProcessAotTraining.train(temp));
        assertEquals("app\n", Files.readString(temp.resolve("workspace/packages/app/out/main.txt")),
                "the deleted output was restored from the cache");
    }
}
