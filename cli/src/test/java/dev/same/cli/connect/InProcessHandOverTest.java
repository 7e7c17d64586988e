package dev.same.cli.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InProcessHandOverTest {
    @Test
    void theNewJvmKeepsTheOptionsAndArgumentsAndTakesTheInProcessCacheInsteadOfTheClis() {
        List<String> cli = List.of("-XX:TieredStopAtLevel=1", "-cp", "/opt/same/lib/*", "-XX:AOTCache=/aot/cli.aot",
                "-Xlog:aot=off", "dev.same.cli.Main", "run", "-XX:AOTCache=not-an-option-here", "all");

        assertEquals(Optional.of(List.of("/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-cp", "/opt/same/lib/*",
                        "-Xlog:aot=off", "-XX:AOTCache=/aot/in-process.aot", "-Xlog:aot=off", "-Xlog:cds=off",
                        "dev.same.cli.Main", "run", "-XX:AOTCache=not-an-option-here", "all")),
                InProcessHandOver.withCache("/jdk/bin/java", cli, "/aot/in-process.aot"));
    }

    @Test
    void aJvmStartedWithTheInProcessCacheKeepsTheCommand() {
        assertEquals(Optional.empty(), InProcessHandOver.withCache("/jdk/bin/java",
                List.of("-XX:AOTCache=/aot/in-process.aot", "dev.same.cli.Main", "status"), "/aot/in-process.aot"));
    }

    @Test
    void aJvmRunningAnotherMainClassIsNotHandedOver() {
        assertEquals(Optional.empty(), InProcessHandOver.withCache("/jdk/bin/java",
                List.of("-cp", "x.jar", "org.junit.Runner", "run"), "/aot/in-process.aot"));
    }
}
