package dev.same.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessAotTrainingTest {
    @TempDir
    Path temp;

    @Test
    void everyCommandOfTheTrainingSucceedsInProcessAndTheLastRestoresFromTheRemoteCache() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<Integer> statuses = InProcessAotTraining.train(temp, new PrintStream(output, true, StandardCharsets.UTF_8));

        assertEquals(Collections.nCopies(InProcessAotTraining.COMMANDS.size()
                + InProcessAotTraining.DAEMON_COMMANDS.size() + InProcessAotTraining.REMOTE_COMMANDS.size(), 0),
                statuses);
        String lastRun = output.toString(StandardCharsets.UTF_8);
        assertTrue(lastRun.contains("same daemon stopped\n"),
                "the status that found no daemon started one, which was stopped: " + lastRun);
        lastRun = lastRun.substring(lastRun.lastIndexOf("Planning to build"));
        assertTrue(lastRun.contains("[lib:build] ~ Cached (remote") && lastRun.contains("[app:build] ~ Cached (remote"),
                "a clean machine's run restores every task from the remote cache: " + lastRun);
        assertEquals("app\n", Files.readString(temp.resolve("workspace/packages/app/out/main.txt")));
    }
}
