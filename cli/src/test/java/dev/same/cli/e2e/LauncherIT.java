package dev.same.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/same finding Java without SAME_JAVA_HOME, and the runtime it remembers so later commands need no search. */
class LauncherIT {
    @TempDir
    Path dir;

    @Test
    void remembersTheJavaItFoundAndSearchesAgainWhenThatJavaIsGone() throws Exception {
        String javaHome = System.getProperty("java.home");
        // a PATH of its own makes a memo key no other test uses
        String path = SameProcess.baseEnvironment().get("PATH") + ":" + dir.resolve("not-a-bin-dir");
        Map<String, String> env = Map.of("SAME_JAVA_HOME", "", "JAVA_HOME", javaHome, "PATH", path);
        Path memo = SameProcess.launcher().getParent().getParent().resolve("aot/java-home");

        SameProcess.Result first = SameProcess.start(dir, dir.resolve("logs"), env, List.of("version")).await();
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.stdout().contains("Java " + Runtime.version().feature()), first.toString());
        assertEquals(List.of(javaHome + "|" + path, javaHome), Files.readAllLines(memo));

        Files.write(memo, List.of(javaHome + "|" + path, dir.resolve("removed-jdk").toString()));
        SameProcess.Result again = SameProcess.start(dir, dir.resolve("logs"), env, List.of("version")).await();
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(List.of(javaHome + "|" + path, javaHome), Files.readAllLines(memo));
    }
}
